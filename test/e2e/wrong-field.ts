// Where the plan's values sit on a console page, read from the page itself: every visible text control with its
// label, and which of them hold a value of the plan in a control labelled for something else (or a look-alike,
// or the console's global header). Used by the drift matrix and the chaos console.
import type { Page } from 'playwright-core';
import { POLICY_DESCRIPTION, ROLE_DESCRIPTION } from '../../src/core/docker-cloud';
import { buildPolicyDocument } from '../../src/core/policy';
import { MESSAGES } from '../replica/aws/i18n';
import type { AwsLocale, RecordedControl, RecordedInput, RecordedPress } from '../replica/state';

const built = buildPolicyDocument({ region: null, passRole: false });
export const POLICY_DOCUMENT = built.ok ? built.value : '';

/** What a control labelled so may hold of the plan's values. */
export type FieldKey = 'accountId' | 'externalId' | 'roleName' | 'policyName' | 'description' | 'document' | 'filter';
const PLANTED: Record<string, FieldKey[]> = {
  '689684103426': ['accountId'],
  moby: ['externalId'],
  'dockercloud-role': ['roleName'],
  'dockercloud-policy': ['policyName', 'filter'],
  [ROLE_DESCRIPTION]: ['description'],
  [POLICY_DESCRIPTION]: ['description'],
  [POLICY_DOCUMENT]: ['document'],
};

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
export function keyOfLabel(label: string, locale: AwsLocale): FieldKey | null {
  const m = MESSAGES[locale];
  const l = norm(label);
  const keys: [FieldKey, string][] = [
    ['accountId', m.accountId],
    ['externalId', m.externalId],
    ['roleName', m.roleName],
    ['policyName', m.policyName],
    ['description', m.description],
    // The legacy console's textarea (the current console's document is in Ace, not a text control).
    ['document', 'Policy Document'],
  ];
  const found = keys.find(([, text]) => l === norm(text) || l.startsWith(`${norm(text)} `) || l.startsWith(`${norm(text)}-`));
  return found ? found[0] : null;
}

/**
 * Every visible text control of the page (the guide lives in a shadow root, outside), with its label, as the
 * replica's recorder describes them (test/replica/aws/record.ts): the same words for what is on the page now
 * and for every value that reached a control before.
 */
export const controls = async (page: Page): Promise<RecordedControl[]> =>
  (await page.evaluate(() => window.__replicaControls?.() ?? [])).filter((c) => c.kind === 'text');

/** Why a control holding `c.value` is wrong, if it holds a value of the plan it was not meant for; null otherwise. */
export function misplaced(c: RecordedControl, locale: AwsLocale): string | null {
  // Own keys only: a control holding "toString" holds no value of the plan.
  const allowed = Object.hasOwn(PLANTED, c.value) ? PLANTED[c.value] : undefined;
  if (allowed === undefined || c.value === '') return null;
  if (c.lookalike) return `a look-alike control holds ${c.value}`;
  const key = c.kind === 'editor' ? 'document' : c.search ? 'filter' : keyOfLabel(c.label, locale);
  return key === null || !allowed.includes(key) ? `"${c.value.slice(0, 60)}" in the control labelled "${c.label}"` : null;
}

/** Each of the plan's values that sits in a control labelled for another field, or in a look-alike: none is right. */
export async function wrongValues(page: Page, locale: AwsLocale): Promise<string[]> {
  return (await controls(page)).flatMap((c) => misplaced(c, locale) ?? []);
}

/**
 * What the replica recorded going wrong, at any instant: a value of the plan that reached a control meant for
 * something else (even if it was replaced a moment later), or sat in one when a primary button was pressed.
 */
export function recordedWrong(recorded: { inputs: RecordedInput[]; presses: RecordedPress[] }, locale: AwsLocale): string[] {
  const where = (url: string) => new URL(url).hash || new URL(url).pathname;
  const reached = recorded.inputs.flatMap((i) => {
    const why = misplaced(i, locale);
    return why ? [`${where(i.url)}: ${why} (reached it at ${new Date(i.at).toISOString().slice(11, 23)})`] : [];
  });
  const pressed = recorded.presses.flatMap((p) =>
    p.controls.flatMap((c) => {
      const why = misplaced(c, locale);
      return why ? [`${where(p.url)}: ${why} when «${p.button}» was pressed`] : [];
    }),
  );
  return [...new Set([...reached, ...pressed])];
}

/** The value in the control labelled `key` (not the look-alike), or null when no such control is shown. */
export async function valueOf(page: Page, key: FieldKey, locale: AwsLocale): Promise<string | null> {
  const match = (await controls(page)).filter((c) => !c.lookalike && !c.search && keyOfLabel(c.label, locale) === key);
  return match.length === 1 ? (match[0]?.value ?? null) : null;
}


/**
 * Whether the one box or radio labelled `text` (its label's start; never a look-alike) is checked, read through
 * the recorder's description of the page's controls; null when not exactly one.
 */
export async function checkedOf(page: Page, text: string): Promise<boolean | null> {
  const boxes = (await page.evaluate(() => window.__replicaControls?.() ?? [])).filter((c) => c.kind === 'check' && !c.lookalike && norm(c.label).startsWith(norm(text)));
  return boxes.length === 1 ? boxes[0]?.value === 'true' : null;
}

export const tickedOf = (page: Page, text: string) => checkedOf(page, text).then((c) => (c === null ? null : c ? 'ticked' : 'not ticked'));
