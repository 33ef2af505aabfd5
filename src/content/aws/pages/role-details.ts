// Role details: the Role ARN read from the Summary, the attached policies and the trust relationship read
// back, and the background's verdict shown (ready to link, or each problem and its fix) before the ARN
// goes anywhere. Switching tabs rewrites the hash; it stays one visit (visitKey).
import { describe, t } from '../../../i18n';
import { ROLE_ARN_IN_TEXT } from '../../../core/arn';
import { press } from '../dom/controls';
import { found, isVisible, tabByLabel } from '../dom/find';
import type { LabelKey } from '../dom/labels';
import { settle, touchesText, waitFor } from '../dom/wait';
import type { GuideContent } from '../guide/guide';
import { reportRoleObserved } from '../messages';
import { definePage, type PageContext } from '../page';
import { roleDetails, roleNameInRoute } from '../routes';
import { STEP } from './filling';
import { trustPolicyText } from './trust-text';

const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;

/** The one Role ARN for `roleName` in the page's text (the Summary's copy-to-clipboard text). */
export function roleArnOnPage(roleName: string): string | null {
  const found = new Set<string>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (!text.includes(':role/') || text.length > 4096) continue;
    // The background parses the ARN strictly; here it only has to name this page's role.
    for (const [arn] of text.matchAll(ROLE_ARN_IN_TEXT)) {
      if (arn.slice(arn.lastIndexOf('/') + 1).toLowerCase() === roleName.toLowerCase()) found.add(arn);
    }
  }
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

const policyNamesShown = () =>
  [...new Set([...document.querySelectorAll('td, li')].filter(isVisible).map((td) => td.textContent?.trim() ?? '').filter((s) => POLICY_NAME.test(s)))].slice(0, 100);

async function openTab(key: LabelKey, signal: AbortSignal): Promise<boolean> {
  const tab = await waitFor(() => found(tabByLabel(key)), { signal, timeout: 3000 });
  if (!tab) return false;
  if (tab.getAttribute('aria-selected') === 'true') return true;
  press(tab);
  // The console may switch tabs through a hash change: let it render the new tab before reading it.
  await settle(signal);
  return true;
}

export async function readRole(ctx: PageContext, signal: AbortSignal, roleName: string, tabs: boolean): Promise<void> {
  const { plan, guide } = ctx;
  // The page's text is walked again only when a change brings or takes text with ":role/" (the console
  // may be rewriting thousands of nodes a second meanwhile).
  const arn = await waitFor(() => roleArnOnPage(roleName), { signal, timeout: 10_000, relevant: touchesText(':role/') });
  if (signal.aborted) return;
  if (!arn) return guide.show({ step: STEP.roleDetails, title: t('awsRoleArnNotFound'), tone: 'error' });

  if (tabs) await openTab('permissions', signal);
  // The attached policies' table, or its empty state, shows in a table cell.
  await waitFor(() => policyNamesShown().includes(plan.policyName) || document.querySelector('td'), { signal, timeout: 4000, attributes: true });
  const attachedPolicyNames = policyNamesShown();
  if (tabs) await openTab('trustRelationships', signal);
  const trustPolicy = await waitFor(trustPolicyText, { signal, timeout: 4000, attributes: true });
  if (signal.aborted) return;
  const arnRow = { label: t('awsFieldRoleArn'), value: arn };
  if (!trustPolicy) return guide.show({ step: STEP.roleDetails, title: t('awsRoleTrustNotFound', plan.externalId), tone: 'error', copy: [arnRow] });

  // Read again now the page has settled: an ARN for this role name shown before the Summary (a forged one)
  // and the Summary's own make two, and the ARN is not certain.
  if (roleArnOnPage(roleName) !== arn) return guide.show({ step: STEP.roleDetails, title: t('awsRoleArnNotFound'), tone: 'error' });
  const problems = await reportRoleObserved({ roleArn: arn, trustPolicy, attachedPolicyNames });
  if (signal.aborted) return;
  let content: GuideContent;
  if (problems === null) content = { title: t('awsRoleNoVerdict'), tone: 'error' };
  else if (problems.length === 0) content = { title: t('awsRoleReady', roleName), tone: 'success', lines: [`${arnRow.label}: ${arn}`, t('awsRoleReadyNext')] };
  else content = { title: t('awsRoleProblems', roleName), tone: 'error', problems: problems.map(describe) };
  guide.show({ step: STEP.roleDetails, ...content });
}

export default definePage(
  roleDetails,
  async (ctx, signal) => {
    const name = roleNameInRoute(ctx.route);
    // Only the role of the link in progress is read; other roles are the user's business.
    if (name?.toLowerCase() === ctx.plan.roleName.toLowerCase()) await readRole(ctx, signal, name, true);
  },
  { visitKey: (route) => roleNameInRoute(route) ?? '' },
);
