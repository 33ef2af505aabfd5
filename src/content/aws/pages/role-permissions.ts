// Create role, "Add permissions": dockercloud-policy found with the table's filter and selected, and no
// other policy selected; then point at Next.
import { t } from '../../../i18n';
import { setChecked, setText } from '../dom/controls';
import { found, isVisible, one, wizardPrimaryButton } from '../dom/find';
import { waitFor } from '../dom/wait';
import { definePage } from '../page';
import { rolePermissions } from '../routes';
import { Filling, STEP } from './filling';

const filterInput = () => one(document.querySelectorAll<HTMLInputElement>('input[type="search"]'));
const rows = () => [...document.querySelectorAll<HTMLTableRowElement>('tbody tr')].filter(isVisible);
const rowCheckbox = (row: HTMLTableRowElement) => row.querySelector<HTMLInputElement>('input[type="checkbox"]');
const names = (row: HTMLTableRowElement, name: string) => [...row.cells].some((cell) => cell.textContent?.trim() === name);

/** "(selected/total)" in the table header: how many policies are selected, filtered out or not. */
function selectedCount(): number | null {
  const match = /\((\d+)\/\d+\)/.exec(document.querySelector('main')?.textContent ?? document.body.textContent ?? '');
  return match ? Number(match[1]) : null;
}

/** Filters the table to `policyName`, ticks it and unticks every other visible policy (current and legacy pages). */
export async function selectPolicyAlone(policyName: string, signal: AbortSignal): Promise<{ filling: Filling; problems: string[] }> {
  const filling = new Filling();
  const label = t('awsFieldPolicy');
  const problems: string[] = [];
  const filter = await waitFor(() => found(filterInput()), { signal });
  for (const row of rows()) {
    const box = rowCheckbox(row);
    if (box?.checked && !names(row, policyName)) setChecked(box, false);
  }
  const row =
    filter && setText(filter, policyName)
      ? await waitFor(() => found(one(rows().filter((r) => names(r, policyName)))), { signal, timeout: 5000 })
      : null;
  const box = row && rowCheckbox(row);
  const copy = { label, value: policyName };
  if (box && setChecked(box, true)) filling.hold({ label, value: t('awsValueSelectedAlone', policyName) }, () => box.checked, box, () => filling.copy.push(copy));
  else {
    filling.copy.push(copy);
    if (filter && !row) problems.push(t('awsPermissionsPolicyMissing', policyName));
  }
  await filling.confirm(signal);
  if ((selectedCount() ?? 1) > 1) problems.push(t('awsPermissionsOthersSelected', policyName));
  return { filling, problems };
}

export default definePage(rolePermissions, async ({ plan, guide }, signal) => {
  const { filling, problems } = await selectPolicyAlone(plan.policyName, signal);
  if (signal.aborted) return;
  const next = wizardPrimaryButton('next');
  guide.show(
    {
      step: STEP.rolePermissions,
      title: t('awsPermissionsNext'),
      problems,
      tone: problems.length > 0 ? 'error' : 'info',
      filled: filling.filled,
      copy: filling.copy,
    },
    found(next),
  );
});
