// Role details (current and 2016 consoles): capture, then verify. The page is recognised by the role's ARN;
// the attached policies and the trust relationship are read (their tabs switched to when they are not on
// screen: a view switch, never an edit); the ARN is captured once the page has settled and still shows it
// alone, whether or not the trust relationship could be read; then the background's verdict is shown (ready
// to link, or each problem and its fix). Switching tabs may rewrite the hash: one visit.
import { describe, t } from '../../../i18n';
import { ROLE_ARN_IN_TEXT } from '../../../core/arn';
import { press } from '../dom/controls';
import { contentRoot, found, inMain, isVisible, tabByLabel } from '../dom/find';
import type { LabelKey } from '../dom/labels';
import { quiet, settle, touchesText, waitFor } from '../dom/wait';
import type { GuideContent } from '../guide/guide';
import { reportRoleArnShown, reportRoleObserved } from '../messages';
import { definePage } from '../page';
import { iamRoute, legacyRoleDetails, roleDetails, roleNameInRoute } from '../routes';
import { trustPolicyText } from './trust-text';

const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
/** A multi-session console host starts with the account id: 111122223333-abcd1234.us-east-1.console.aws.amazon.com. */
const MULTI_SESSION_HOST = /^(\d{12})-[a-z0-9]{1,63}\.(?:[a-z0-9-]{1,63}\.)?console\.aws\.amazon\.com$/;

/** The Role ARNs in the page's own content, each read from one text node (the Summary's copy-to-clipboard text). */
function roleArnsOnPage(): Set<string> {
  const arns = new Set<string>();
  const root = contentRoot();
  if (!root.textContent?.includes(':role/')) return arns;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (!text.includes(':role/') || text.length > 4096) continue;
    // The background parses the ARN strictly; here it only has to name a role.
    for (const [arn] of text.matchAll(ROLE_ARN_IN_TEXT)) arns.add(arn);
  }
  return arns;
}

/** The one Role ARN for `roleName` in the page's own content: none, or two, is no ARN. */
export function roleArnOnPage(roleName: string): string | null {
  const found = [...roleArnsOnPage()].filter((arn) => arn.slice(arn.lastIndexOf('/') + 1).toLowerCase() === roleName.toLowerCase());
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** Whether the console's URL is the page of role `roleName`. */
function routeNamesRole(roleName: string): boolean {
  const route = iamRoute(new URL(location.href));
  return route !== null && roleNameInRoute(route)?.toLowerCase() === roleName.toLowerCase();
}

/** Whether the page's own content shows any Role ARN. */
const anyRoleArnOnPage = (): boolean => roleArnsOnPage().size > 0;

const policyNamesShown = () =>
  [...new Set(inMain('td, li').filter(isVisible).map((td) => td.textContent?.trim() ?? '').filter((s) => POLICY_NAME.test(s)))].slice(0, 100);

/** Shows the tab labelled `key` when the page has one (a view switch), and lets it render. */
async function openTab(key: LabelKey, signal: AbortSignal): Promise<void> {
  const tab = found(tabByLabel(key));
  if (!tab || tab.getAttribute('aria-selected') === 'true') return;
  press(tab);
  await settle(signal);
}

export default definePage({
  id: 'roleDetails',
  checklistStep: 'roleVerified',
  hints: [roleDetails, legacyRoleDetails],
  legacyCounterpart: (route) => {
    const role = roleNameInRoute(route);
    return role === null ? null : `#roles/${encodeURIComponent(role)}`;
  },
  // The page shows the ARN of the link's role, or the URL names that role and its Summary shows a role ARN
  // (another role's: the user is told the ARN could not be read). Other roles are the user's business.
  signature: (plan) => roleArnOnPage(plan.roleName) !== null || (routeNamesRole(plan.roleName) && anyRoleArnOnPage()),
  visitKey: (route) => roleNameInRoute(route) ?? '',
  run: async ({ plan, guide }, signal) => {
    // Recognised by its ARN, but the page may re-render between that look and this one: waited for again.
    const arn = await waitFor(() => roleArnOnPage(plan.roleName), { signal, timeout: 10_000, relevant: touchesText(':role/') });
    if (signal.aborted) return;
    if (!arn) return guide.show({ title: t('awsRoleArnNotFound'), tone: 'error' });
    if (!policyNamesShown().includes(plan.policyName)) await openTab('permissions', signal);
    // Sections render late and in any order: a table cell elsewhere (the Summary, the trust relationship) is
    // no sign that the attached policies are shown. The policy is waited for; absent after the wait, it is not attached.
    await waitFor(() => policyNamesShown().includes(plan.policyName), { signal, timeout: 4000, attributes: true });
    const attachedPolicyNames = policyNamesShown();
    if (trustPolicyText() === null) await openTab('trustRelationships', signal);
    const trustPolicy = await waitFor(trustPolicyText, { signal, timeout: 4000, attributes: true, relevant: touchesText('Statement') });
    await quiet(contentRoot(), signal);
    if (signal.aborted) return;

    // The ARN is taken only now the page's sections are in and have settled, and only if it is still the one
    // ARN for this role: one shown while the page was loading (a forged copy before the Summary) and the
    // Summary's own make two, and a capture cannot be taken back (a later, different ARN is refused).
    if (roleArnOnPage(plan.roleName) !== arn) return guide.show({ title: t('awsRoleArnNotFound'), tone: 'error' });
    const arnRow = { label: t('awsFieldRoleArn'), value: arn };
    const captured = await reportRoleArnShown(arn);
    if (signal.aborted) return;
    if (captured && captured.length > 0) return guide.show({ title: t('awsRoleProblems', plan.roleName), tone: 'error', problems: captured.map(describe) });
    if (!trustPolicy) return guide.show({ title: t('awsRoleTrustNotFound', plan.externalId), tone: 'error', filled: [arnRow] });

    const consoleAccountId = MULTI_SESSION_HOST.exec(location.hostname)?.[1];
    const problems = await reportRoleObserved({ roleArn: arn, trustPolicy, attachedPolicyNames, ...(consoleAccountId ? { consoleAccountId } : {}) });
    if (signal.aborted) return;
    let content: GuideContent;
    if (problems === null) content = { title: t('awsRoleNoVerdict'), tone: 'error' };
    else if (problems.length === 0) content = { title: t('awsRoleReady', plan.roleName), tone: 'success', lines: [`${arnRow.label}: ${arn}`, t('awsRoleReadyNext')] };
    else content = { title: t('awsRoleProblems', plan.roleName), tone: 'error', problems: problems.map(describe) };
    guide.show(content);
  },
});

// Try: https://console.aws.amazon.com/iam/home#/roles/details/dockercloud-role (2016: #roles/dockercloud-role)
