// The 2016 role wizard's "Review" when the name was asked on an earlier step: point at Create Role (the
// user's to press). If the name exists, offer to check that role.
import { t } from '../../../i18n';
import { buttonByText, found, saysExists } from '../dom/find';
import { waitFor, whenever } from '../dom/wait';
import { definePage } from '../page';
import { legacyRoleCreate } from '../routes';
import { hasButton, hasField, inWizard } from './signatures';

export default definePage({
  id: 'legacyRoleReview',
  checklistStep: 'roleCreated',
  hints: [legacyRoleCreate],
  signature: () => hasButton('createRole') && inWizard() && !hasField('roleName') && !hasField('description'),
  run: async ({ plan, guide }, signal) => {
    const create = await waitFor(() => found(buttonByText('createRole')), { signal, timeout: 3000 });
    if (signal.aborted) return;
    guide.show({ title: t('awsLegacyRoleCreate', plan.roleName) }, create);
    whenever(() => saysExists(plan.roleName), signal, () =>
      guide.show({
        title: t('awsRoleExists', plan.roleName),
        tone: 'error',
        actions: [{ label: t('awsUseExistingRole'), run: () => void (location.hash = `#roles/${encodeURIComponent(plan.roleName)}`) }],
      }),
    );
  },
});

// Try: https://console.aws.amazon.com/iam/home#/roles$new?step=review
