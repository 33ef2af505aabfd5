// Create role, "Add permissions" (and the 2016 wizard's "Attach Policy", the same on screen):
// dockercloud-policy found with the table's filter and selected, and no other policy selected; then
// point at Next.
import { t } from '../../../i18n';
import { setChecked, setText } from '../dom/controls';
import { buttonByText, contentRoot, found, inMain, one, wizardPrimaryButton } from '../dom/find';
import { waitFor } from '../dom/wait';
import { consoleGeneration } from '../legacy-console';
import { definePage } from '../page';
import { legacyRoleCreate, rolePermissions } from '../routes';
import { Filling } from './filling';
import { filterInput, policyTableShown } from './signatures';
import { ROLE_WIZARD_ON_LEGACY } from './role-trusted-entity';

const rows = () => inMain<HTMLTableRowElement>('tbody tr');
const rowCheckbox = (row: HTMLTableRowElement) => row.querySelector<HTMLInputElement>('input[type="checkbox"]');
const names = (row: HTMLTableRowElement, name: string) => [...row.cells].some((cell) => cell.textContent?.trim() === name);
const policyRow = (name: string) => one(rows().filter((r) => names(r, name)));

/** "(selected/total)" in the table header: how many policies are selected, filtered out or not. */
function selectedCount(): number | null {
  const match = /\((\d+)\/\d+\)/.exec(contentRoot().textContent ?? '');
  return match ? Number(match[1]) : null;
}

export default definePage({
  id: 'rolePermissions',
  checklistStep: 'roleCreated',
  hints: [rolePermissions, legacyRoleCreate],
  legacyCounterpart: () => ROLE_WIZARD_ON_LEGACY,
  signature: policyTableShown,
  complete: () => policyTableShown() && filterInput().status === 'found',
  run: async ({ plan, guide }, signal) => {
    const filling = new Filling(signal);
    const label = t('awsFieldPolicy');
    const problems: string[] = [];
    const filter = found(filterInput());
    for (const row of rows()) {
      const box = rowCheckbox(row);
      if (box?.checked && !names(row, plan.policyName)) setChecked(box, false);
    }
    // The row, at once when the filter's re-render already shows it (no await: the console's own callbacks for
    // that render would run first), else once the table has it.
    const rowNow = () => found(policyRow(plan.policyName));
    const row = filter && setText(filter, plan.policyName) ? (rowNow() ?? (await waitFor(rowNow, { signal, timeout: 5000 }))) : null;
    const box = row && rowCheckbox(row);
    const copy = { label, value: plan.policyName };
    if (box && setChecked(box, true)) {
      const current = () => {
        const again = found(policyRow(plan.policyName));
        return again && rowCheckbox(again);
      };
      filling.hold({ label, value: t('awsValueSelectedAlone', plan.policyName) }, {
        apply: () => {
          const now = current();
          return now !== null && setChecked(now, true);
        },
        holds: () => current()?.checked === true,
        control: current,
        giveUp: () => filling.copy.push(copy),
      });
    } else {
      filling.copy.push(copy);
      if (filter && !row) problems.push(t('awsPermissionsPolicyMissing', plan.policyName));
    }
    await filling.confirm();
    if (signal.aborted) return;
    if ((selectedCount() ?? 1) > 1) problems.push(t('awsPermissionsOthersSelected', plan.policyName));
    const next = found(wizardPrimaryButton('next')) ?? found(buttonByText('next'));
    const title = consoleGeneration() === 'legacy' ? t('awsLegacyRoleNext') : t('awsPermissionsNext');
    filling.present(guide, { title, problems, tone: problems.length > 0 ? 'error' : 'info' }, next);
  },
});

// Try: https://console.aws.amazon.com/iam/home#/roles/create?step=addPermissions (also step=addPermission,
// no step, and the 2016 console's #/roles$new?step=policies)
