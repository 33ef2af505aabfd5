// Create role, "Name, review, and create": the role name and a description, then point at Create role.
// If the name exists, offer to check that role. (The trust policy is checked on the role's page, by the
// background: checking it here too would cost the content script 0.65 KB of its 12 KB budget.)
import { t } from '../../../i18n';
import { fieldByLabel, found, saysExists, wizardPrimaryButton } from '../dom/find';
import { waitFor, whenever } from '../dom/wait';
import { definePage } from '../page';
import { roleDetailsHash, roleReview } from '../routes';
import { Filling, STEP } from './filling';

export default definePage(roleReview, async ({ plan, guide }, signal) => {
  const filling = new Filling();
  await waitFor(() => fieldByLabel('roleName').status !== 'missing' || fieldByLabel('description').status !== 'missing', { signal });
  if (signal.aborted) return;
  await filling.text(fieldByLabel('roleName'), t('awsFieldRoleName'), plan.roleName);
  await filling.text(fieldByLabel('description'), t('awsFieldDescription'), plan.roleDescription);
  if (signal.aborted) return;

  const create = wizardPrimaryButton('createRole');
  guide.show(
    { step: STEP.roleReview, title: t('awsRoleReviewCreate', plan.roleName), filled: filling.filled, copy: filling.copy },
    found(create),
  );

  whenever(() => saysExists(plan.roleName), signal, () => {
    guide.show({
      step: STEP.roleReview,
      title: t('awsRoleExists', plan.roleName),
      tone: 'error',
      actions: [{ label: t('awsUseExistingRole'), run: () => void (location.hash = roleDetailsHash(plan.roleName)) }],
    });
  });
});
