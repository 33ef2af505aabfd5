// The 2016 role wizard's "Establish Trust": Account ID, External ID, Require MFA not ticked; then Next Step.
import { t } from '../../../i18n';
import { buttonByText, fieldByLabel, found, switchByLabel } from '../dom/find';
import { definePage } from '../page';
import { legacyRoleCreate } from '../routes';
import { Filling } from './filling';
import { anotherAccountRadio, awsAccountTile, hasField, shows } from './signatures';

export default definePage({
  id: 'legacyRoleAccount',
  checklistStep: 'roleCreated',
  hints: [legacyRoleCreate],
  // The account to trust asked for without the current wizard's tiles and radios (roleTrustedEntity).
  signature: () => hasField('accountId') && !shows(awsAccountTile()) && !shows(anotherAccountRadio()),
  run: async ({ plan, guide }, signal) => {
    const filling = new Filling(signal);
    filling.text(() => fieldByLabel('accountId'), t('awsFieldAccountId'), plan.trustedAccountId);
    filling.text(() => fieldByLabel('externalId'), t('awsFieldExternalId'), plan.externalId);
    filling.check(() => switchByLabel('requireMfa', 'checkbox'), false, t('awsFieldRequireMfa'), t('awsValueNotTicked'));
    await filling.confirm();
    if (signal.aborted) return;
    filling.present(guide, { title: t('awsLegacyRoleNext') }, found(buttonByText('next')));
  },
});

// Try: https://console.aws.amazon.com/iam/home#/roles$new?step=account
