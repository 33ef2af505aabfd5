// Create role, "Name, review, and create" (in any console, wherever the wizard puts the name: the 2016
// wizard asked it first, see legacy-role-name): the role name and a description, the trust policy on the
// page checked with the core's checker, in the background (a box ticked by hand on step 1 shows here), then point at Create
// role. If the name exists, offer to check that role.
import { describe, t } from '../../../i18n';
import { roleDetailsHash } from '../../../core/console-routes';
import { buttonByText, fieldByLabel, found, saysExists, wizardPrimaryButton } from '../dom/find';
import { whenever } from '../dom/wait';
import { checkTrust } from '../messages';
import { definePage } from '../page';
import { roleReview } from '../routes';
import { Filling } from './filling';
import { ROLE_WIZARD_ON_LEGACY } from './role-trusted-entity';
import { fieldsFound, hasButton, hasField, inWizard } from './signatures';
import { trustPolicyText } from './trust-text';

export default definePage({
  id: 'roleReview',
  checklistStep: 'roleCreated',
  hints: [roleReview],
  legacyCounterpart: () => ROLE_WIZARD_ON_LEGACY,
  // The wizard's last step (Create role) asking for the name or a description.
  signature: () => hasButton('createRole') && inWizard() && (hasField('roleName') || hasField('description')),
  complete: () => fieldsFound('roleName', 'description'),
  run: async ({ plan, guide }, signal) => {
    const filling = new Filling(signal);
    filling.texts([
      { locate: () => fieldByLabel('roleName'), label: t('awsFieldRoleName'), value: plan.roleName },
      { locate: () => fieldByLabel('description'), label: t('awsFieldDescription'), value: plan.roleDescription },
    ]);
    await filling.confirm();
    if (signal.aborted) return;

    const trust = trustPolicyText();
    const problems = trust === null ? [] : ((await checkTrust(trust)) ?? []).map(describe);
    if (signal.aborted) return;
    const create = found(wizardPrimaryButton('createRole')) ?? found(buttonByText('createRole'));
    filling.present(
      guide,
      {
        title: problems.length > 0 ? t('awsRoleReviewTrustWrong') : t('awsRoleReviewCreate', plan.roleName),
        tone: problems.length > 0 ? 'error' : 'info',
        problems,
      },
      problems.length === 0 ? create : null,
    );

    whenever(() => saysExists(plan.roleName), signal, () => {
      guide.show({
        title: t('awsRoleExists', plan.roleName),
        tone: 'error',
        actions: [{ label: t('awsUseExistingRole'), run: () => void (location.hash = roleDetailsHash(plan.roleName)) }],
      });
    });
  },
});

// Try: https://console.aws.amazon.com/iam/home#/roles/create?step=review
