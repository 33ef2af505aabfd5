// The 2016 role wizard's "Select Role Type": Role for Cross-Account Access, then the Select button of
// "Allows IAM users from a 3rd party AWS account to access this account" (the user's to press).
import { t } from '../../../i18n';
import { found, switchByLabel } from '../dom/find';
import { definePage } from '../page';
import { legacyRoleCreate } from '../routes';
import { Filling } from './filling';
import { selectButtonFor } from './legacy-policy-choose';
import { shows } from './signatures';

const crossAccount = () => switchByLabel('crossAccountRole', 'radio');

export default definePage({
  id: 'legacyRoleType',
  checklistStep: 'roleCreated',
  hints: [legacyRoleCreate],
  signature: () => shows(crossAccount()),
  run: async ({ guide }, signal) => {
    const filling = new Filling(signal);
    filling.check(crossAccount, true, t('awsFieldTrustedEntity'), 'Role for Cross-Account Access');
    await filling.confirm();
    if (signal.aborted) return;
    filling.present(guide, { title: t('awsLegacyCrossAccount') }, found(selectButtonFor('thirdPartyAccess')));
  },
});

// Try: https://console.aws.amazon.com/iam/home#/roles$new?step=type
