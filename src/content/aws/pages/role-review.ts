// Create role, "Name, review, and create": the role name and a description, the trust policy on the page
// checked with the core's checker (a box ticked by hand on step 1 shows here), then point at Create role.
// If the name exists, offer to check that role.
import { describe, t } from '../../../i18n';
import { checkTrustPolicy } from '../../../core/trust-policy';
import { roleDetailsHash } from '../../../core/console-routes';
import { fieldByLabel, found, saysExists, wizardPrimaryButton } from '../dom/find';
import { waitFor, whenever } from '../dom/wait';
import { definePage } from '../page';
import { roleReview } from '../routes';
import { Filling, STEP } from './filling';
import { trustPolicyText } from './trust-text';

export default definePage(roleReview, async ({ plan, guide }, signal) => {
  const filling = new Filling();
  await waitFor(() => fieldByLabel('roleName').status !== 'missing' || fieldByLabel('description').status !== 'missing', { signal });
  if (signal.aborted) return;
  filling.text(fieldByLabel('roleName'), t('awsFieldRoleName'), plan.roleName);
  filling.text(fieldByLabel('description'), t('awsFieldDescription'), plan.roleDescription);
  await filling.confirm(signal);
  if (signal.aborted) return;

  const trust = trustPolicyText();
  const problems = trust === null ? [] : checkTrustPolicy(trust, plan.namespace).map(describe);
  const create = wizardPrimaryButton('createRole');
  guide.show(
    {
      step: STEP.roleReview,
      title: problems.length > 0 ? t('awsRoleReviewTrustWrong') : t('awsRoleReviewCreate', plan.roleName),
      tone: problems.length > 0 ? 'error' : 'info',
      problems,
      filled: filling.filled,
      copy: filling.copy,
    },
    problems.length === 0 ? found(create) : null,
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
