// The 2016 console's "Create Policy": point at the Select button of "Create Your Own Policy".
import { t } from '../../../i18n';
import { found, inMain, one } from '../dom/find';
import { isLabel, type LabelKey } from '../dom/labels';
import { definePage } from '../page';
import { legacyPolicyCreate } from '../routes';
import { shows } from './signatures';

/** The button on the table row that offers `key` (the 2016 pages' "Select" buttons). */
export function selectButtonFor(key: LabelKey) {
  const rows = inMain<HTMLTableRowElement>('tr').filter((tr) => [...tr.cells].some((td) => isLabel(td.firstChild?.textContent, key)));
  return one(rows.flatMap((tr) => [...tr.querySelectorAll<HTMLElement>('button:not([disabled])')]));
}

export default definePage({
  id: 'legacyPolicyChoose',
  checklistStep: 'policyCreated',
  hints: [legacyPolicyCreate],
  signature: () => shows(selectButtonFor('createYourOwnPolicy')),
  run: async ({ guide }) => {
    guide.show({ title: t('awsLegacyChooseOwnPolicy') }, found(selectButtonFor('createYourOwnPolicy')));
  },
});

// Try: https://console.aws.amazon.com/iam/home#/policies$new
