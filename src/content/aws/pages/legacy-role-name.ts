// The 2016 role wizard's "Set Role Name" (its first step): the role name, then Next Step.
import { t } from '../../../i18n';
import { buttonByText, fieldByLabel, found } from '../dom/find';
import { definePage } from '../page';
import { legacyRoleCreate } from '../routes';
import { Filling } from './filling';
import { hasButton, hasField, hasNext } from './signatures';

export default definePage({
  id: 'legacyRoleName',
  checklistStep: 'roleCreated',
  hints: [legacyRoleCreate],
  // The name asked for on a step that goes on (Next), not the last one (Create role).
  signature: () => hasField('roleName') && hasNext() && !hasButton('createRole'),
  run: async ({ plan, guide }, signal) => {
    const filling = new Filling(signal);
    filling.text(() => fieldByLabel('roleName'), t('awsFieldRoleName'), plan.roleName);
    await filling.confirm();
    if (signal.aborted) return;
    filling.present(guide, { title: t('awsLegacyRoleNext') }, found(buttonByText('next')));
  },
});

// Try: https://console.aws.amazon.com/iam/home#/roles$new?step=name
