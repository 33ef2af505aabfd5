// One chaos seed, run as a user would: the whole link pressing only what the guide rings, on the console and
// Docker Cloud the seed describes. At every console step, before the ringed button is pressed, the page itself
// is read: no value of the plan may sit in a control labelled for something else, and every value the guide
// calls "filled" must be what the control holds. The replica records every value that reaches a control and the
// controls at every press: none may be misplaced even for a moment. At the end the link must be right.
import type { Page } from 'playwright-core';
import { guideProblems, guideRows } from '../e2e/guide-support';
import type { Harness } from '../e2e/harness';
import { withExtension } from '../e2e/user-flow';
import { POLICY_DOCUMENT, recordedWrong, tickedOf, valueOf, wrongValues, type FieldKey } from '../e2e/wrong-field';
import { MESSAGES } from '../replica/aws/i18n';
import type { AwsLocale } from '../replica/state';
import { chaosCase } from './generate';

export interface ChaosResult {
  seed: number;
  choices: string[];
  completed: boolean;
  /** Where the user could not go on by pressing only what the guide rings, if anywhere. */
  stoppedAt: string | null;
  /** Values the guide left to the user (copy rows, boxes to set), by step: stages the extension did not do itself. */
  byHand: string[];
  violations: string[];
}

/** The guide's row labels for text fields, and the control they name. */
const TEXT_ROWS: Record<string, FieldKey> = {
  'Account ID': 'accountId',
  'External ID': 'externalId',
  'Role name': 'roleName',
  'Policy name': 'policyName',
  Description: 'description',
};

/** The policy editor's text, read from Ace's own model in the page (null when the page has no editor). */
const editorText = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('.ace_editor') as (Element & { env?: { editor?: { getValue(): string } } }) | null;
    return el?.env?.editor?.getValue() ?? null;
  });

/** What the control a guide row names holds now, in the row's terms; null when it cannot be read back. */
async function held(page: Page, label: string, value: string, locale: AwsLocale): Promise<string | null> {
  const key = TEXT_ROWS[label];
  if (key) return valueOf(page, key, locale);
  const m = MESSAGES[locale];
  const legacy = locale === 'en' && (await page.locator('.ace_editor').count()) === 0 && (await page.locator('[class*="awsui_"]').count()) === 0;
  switch (label) {
    case 'Policy document': {
      const text = (await editorText(page)) ?? (await valueOf(page, 'document', locale));
      return text === null ? null : text === POLICY_DOCUMENT ? value : text;
    }
    case 'Require MFA':
      return tickedOf(page, legacy ? 'Require MFA' : m.requireMfa);
    case 'Require external ID':
      return tickedOf(page, legacy ? 'Require external ID' : m.requireExternalId);
    default:
      return null;
  }
}

export async function runSeed(h: Harness, seed: number, log: (line: string) => void = () => undefined): Promise<ChaosResult> {
  const { patch, choices } = chaosCase(seed);
  const locale = patch.aws?.locale ?? 'en';
  const violations: string[] = [];
  const byHand: string[] = [];
  const onStep = async (name: string, page: Page) => {
    if (!name.startsWith('console ')) return;
    const step = name.slice('console '.length);
    for (const wrong of await wrongValues(page, locale)) violations.push(`${step}: ${wrong}`);
    const filled = await guideRows(page, 'filled').catch(() => ({}) as Record<string, string>);
    for (const [label, value] of Object.entries(filled)) {
      const holds = await held(page, label, value, locale);
      if (holds !== null && holds !== value) violations.push(`${step}: "${label}" said filled with "${value}", the control holds ${JSON.stringify(holds.slice(0, 40))}`);
    }
    const copy = await guideRows(page, 'copy').catch(() => ({}) as Record<string, string>);
    for (const label of Object.keys(copy)) byHand.push(`${step}: ${label}`);
  };
  const run = await withExtension(h, { config: patch, log, onStep });
  const walkerStopped = /no highlighted control|kept ringing/.test(run.stoppedAt ?? '');
  if (!run.completed && run.stoppedAt !== null && !walkerStopped) {
    // Through every step, and still not linked right: the replica's records say what is wrong.
    violations.push(`not linked right: ${run.stoppedAt}`);
  } else if (!run.completed && run.stoppedAt !== null) {
    // Stopped: a stage left to the user only if the guide said so there (a value to copy, a field to set).
    const page = h.context.pages().filter((p) => /console\.aws\.amazon\.com/.test(p.url())).at(-1);
    const copy = page ? Object.keys(await guideRows(page, 'copy').catch(() => ({}))) : [];
    const named = page ? (await guideProblems(page).catch(() => [])).filter((p) => /yourself/.test(p)) : [];
    const fields = [...new Set([...copy, ...named.map((p) => p.split(':')[0] ?? p)])];
    if (fields.length > 0) byHand.push(`${run.stoppedAt.split(':')[0]}: ${fields.join(', ')}`);
    else violations.push(`stopped with nothing said to the user: ${run.stoppedAt}`);
  }
  // Between the looks: every value the replica saw reach a control, and every control when a button was pressed.
  for (const wrong of recordedWrong(h.server.state, locale)) violations.push(`recorded: ${wrong}`);
  // The replica recorded the walk (a recorder that saw nothing would prove nothing).
  if (h.server.state.inputs.length === 0 && h.server.state.presses.length === 0) violations.push('the replica recorded nothing on the console');
  return { seed, choices, completed: run.completed, stoppedAt: run.stoppedAt, byHand, violations };
}

/** The command that replays one seed. */
export const replay = (seed: number) => `npm run chaos -- --seeds 1 --from ${seed}`;
