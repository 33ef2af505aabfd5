// Console drift, variant × page: on every page the extension either fills the right control or fills
// nothing there and names the field (copy row or "set by hand" line). No value of the plan may ever land
// in a control labelled for something else. The observed table is written to notes/drift-matrix.md.
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PAGES as REGISTERED } from '../../src/content/aws/pages';
import { POLICY_DESCRIPTION, ROLE_DESCRIPTION } from '../../src/core/docker-cloud';
import { roleCreateHash } from '../../src/core/console-routes';
import { DOCKERCLOUD_POLICY, role } from '../replica/docker/fixtures';
import { MESSAGES } from '../replica/aws/i18n';
import { REPLICA_SESSION_HOST, type AwsLocale, type ConfigPatch } from '../replica/state';
import { aceValue, guideCallout, guideRows, guideTitle, primaryButton, startLink, storedLink, TRUSTED_ENTITY_FILLED } from './aws-support';
import { AWS_CONSOLE, launch, type Harness } from './harness';
import { guideProblems } from './guide-support';
import { checkedOf, POLICY_DOCUMENT, recordedWrong, tickedOf, valueOf, wrongValues } from './wrong-field';

// The page modules reach the extension's APIs only when they run; importing their registrations needs no browser.
vi.mock('webextension-polyfill', () => ({ default: {} }));

/** The matrix's columns, from the pages' one registration: each step page of the procedure (those with a 2016 counterpart). */
const PAGES = REGISTERED.filter((p) => p.legacyCounterpart).map((p) => p.id);
type PageId = string;
const PAGE_TITLES = (id: PageId) => id.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

interface Variant {
  id: string;
  patch: ConfigPatch;
  locale: AwsLocale;
  legacy?: boolean;
  /** The console's origin and IAM path (default: the global host, /iam/home). */
  iam?: string;
  /** Pages this variant changes; the others are "n/a". */
  pages: readonly PageId[];
}

const ALL = PAGES;
const ROLE_WIZARD = ['roleTrustedEntity', 'rolePermissions', 'roleReview'];
const NO_PREFILL = { honourPrefillParams: false };
const VARIANTS: Variant[] = [
  { id: 'en', locale: 'en', patch: { aws: { honourPrefillParams: false } }, pages: ALL },
  { id: 'ja', locale: 'ja', patch: { aws: { locale: 'ja', honourPrefillParams: false } }, pages: ALL },
  { id: 'de', locale: 'de', patch: { aws: { locale: 'de', honourPrefillParams: false } }, pages: ALL },
  { id: 'late 2.5 s', locale: 'en', patch: { aws: { renderDelayMs: 2500, honourPrefillParams: false } }, pages: ALL },
  { id: 'reordered', locale: 'en', patch: { aws: { drift: { reorderFields: true }, honourPrefillParams: false } }, pages: ['roleTrustedEntity'] },
  { id: 'look-alike Account ID', locale: 'en', patch: { aws: { drift: { duplicateAccountIdField: true }, honourPrefillParams: false } }, pages: ['roleTrustedEntity'] },
  { id: 'removed externalId', locale: 'en', patch: { aws: { drift: { removeField: 'externalId' }, honourPrefillParams: false } }, pages: ['roleTrustedEntity'] },
  // The prefill link's account still counts when the field is gone, as on the console.
  { id: 'removed accountId', locale: 'en', patch: { aws: { drift: { removeField: 'accountId' }, honourPrefillParams: true } }, pages: ['roleTrustedEntity'] },
  { id: 'removed policyName', locale: 'en', patch: { aws: { drift: { removeField: 'policyName' } } }, pages: ['policyReview'] },
  { id: 'removed roleName', locale: 'en', patch: { aws: { drift: { removeField: 'roleName' }, honourPrefillParams: false } }, pages: ['roleReview'] },
  { id: 'legacy', locale: 'en', legacy: true, patch: { aws: { variant: 'legacy' } }, pages: ALL },
  // Issue 11's classes of console behaviour, each a variant.
  { id: 'pushState navigation', locale: 'en', patch: { aws: { navigation: 'pushState', ...NO_PREFILL } }, pages: ALL },
  { id: 'step=addPermission', locale: 'en', patch: { aws: { stepNames: 'singular', ...NO_PREFILL } }, pages: ROLE_WIZARD },
  { id: 'no step in the URL', locale: 'en', patch: { aws: { stepNames: 'none', ...NO_PREFILL } }, pages: ['policyEditor', 'policyReview', ...ROLE_WIZARD] },
  { id: 'editor re-applies its value once', locale: 'en', patch: { aws: { editorReapply: 'once' } }, pages: ['policyEditor'] },
  { id: 'editor re-applies its value for 6 s', locale: 'en', patch: { aws: { editorReapply: 'always' } }, pages: ['policyEditor'] },
  { id: 'header search before the table', locale: 'en', patch: { aws: { headerSearchDecoy: true, ...NO_PREFILL } }, pages: ['rolePermissions'] },
  { id: 'legacy, trust on a tab', locale: 'en', legacy: true, patch: { aws: { variant: 'legacy', trustOnTab: true } }, pages: ['roleDetails'] },
  { id: 'multi-session host', locale: 'en', iam: `https://${REPLICA_SESSION_HOST}/iam/home`, patch: { aws: { multiSessionHost: REPLICA_SESSION_HOST, ...NO_PREFILL } }, pages: ALL },
  // The wizard remembering "Require MFA" from an earlier role: the box is read, never assumed unticked.
  { id: 'Require MFA ticked at start', locale: 'en', patch: { aws: { mfaPreticked: true, ...NO_PREFILL } }, pages: ['roleTrustedEntity'] },
  { id: 'legacy, Require MFA ticked at start', locale: 'en', legacy: true, patch: { aws: { variant: 'legacy', mfaPreticked: true } }, pages: ['roleTrustedEntity'] },
  { id: '/iamv2/ path', locale: 'en', iam: `${AWS_CONSOLE}/iamv2/home`, patch: { aws: NO_PREFILL }, pages: ['roleTrustedEntity'] },
  // Look-alikes hidden by the stylesheet alone: a step taken on its markup (as it renders) reads style to choose.
  { id: 'hidden copies (stylesheet)', locale: 'en', patch: { aws: { drift: { hiddenCopies: true }, ...NO_PREFILL } }, pages: ['policyEditor', 'policyReview', ...ROLE_WIZARD] },
];
const iamOf = (v: Variant) => v.iam ?? `${AWS_CONSOLE}/iam/home`;

const ARN = 'arn:aws:iam::123456789012:role/dockercloud-role';

/**
 * Fails if any of the plan's values sits in a control labelled for another field (or the look-alike), or ever
 * reached one since the link began, as the replica recorded it.
 */
async function expectNoWrongValue(page: Page, locale: AwsLocale): Promise<void> {
  expect(await wrongValues(page, locale)).toEqual([]);
  expect(recordedWrong(h.server.state, locale)).toEqual([]);
}

interface Observed {
  filled: Record<string, string>;
  copy: Record<string, string>;
  byHand: string[];
}

async function observe(page: Page): Promise<Observed> {
  const byHand = (await guideProblems(page)).filter((t) => t.includes('could not be set with certainty'));
  return { filled: await guideRows(page, 'filled'), copy: await guideRows(page, 'copy'), byHand };
}

/** A field of a page: its label in the guide, the value expected, and where to read it back on the page. */
interface Field {
  label: string;
  /** The value a "filled" row must show (read from the observation where the row shows it in other words). */
  value: string | ((o: Observed) => string);
  /** The value a copy row must offer, when it differs from `value`. */
  copyValue?: string;
  /** Reads the value the page's control holds now, in the terms of `want`: the guide's word is never taken. */
  readBack: (want: string) => Promise<string | null>;
}

const cells = new Map<string, string>();
const cellKey = (variant: string, page: PageId) => `${variant}|${page}`;

/**
 * Records the cell and asserts it is acceptable: each field is either filled (the guide says so, and the
 * page's control holds exactly the value) or named to the user (copy row or "set by hand"); never neither.
 */
async function record(v: Variant, pageId: PageId, page: Page, fields: Field[]): Promise<void> {
  const labels = fields.map((f) => f.label);
  const accounted = (o: Observed) => labels.every((l) => l in o.filled || l in o.copy || o.byHand.some((t) => t.startsWith(`${l}:`)));
  await expect.poll(async () => accounted(await observe(page)), { timeout: 8000 }).toBe(true).catch(() => undefined);
  const o = await observe(page);
  const named: string[] = [];
  const problems: string[] = [];
  for (const f of fields) {
    const want = typeof f.value === 'function' ? f.value(o) : f.value;
    if (f.label in o.filled) {
      if (o.filled[f.label] !== want) problems.push(`${f.label} shown filled with "${o.filled[f.label]}"`);
      const actual = await f.readBack(want);
      if (actual !== want) problems.push(`${f.label} said filled, control holds ${JSON.stringify(actual?.slice(0, 40))}`);
    } else if (f.label in o.copy || o.byHand.some((t) => t.startsWith(`${f.label}:`))) {
      const offered = f.copyValue ?? want;
      if (f.label in o.copy && o.copy[f.label] !== offered) problems.push(`${f.label} offered as "${o.copy[f.label]}"`);
      named.push(f.label);
    } else problems.push(`${f.label} neither filled nor named`);
  }
  const outcome =
    problems.length > 0
      ? `✗ ${problems.join('; ')}`
      : named.length === 0
        ? 'filled'
        : named.length === fields.length
          ? `filled nothing; named ${named.join(', ')}`
          : `filled ${fields.length - named.length} of ${fields.length}; named ${named.join(', ')}`;
  cells.set(cellKey(v.id, pageId), outcome);
  expect(problems, `${v.id} × ${pageId}`).toEqual([]);
  await expectNoWrongValue(page, v.locale);
}

let h: Harness;
beforeAll(async () => {
  h = await launch();
  h.context.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await h?.close();
  // A partial run (-t) leaves the last full table alone.
  const complete = VARIANTS.every((v) => v.pages.every((p) => cells.has(cellKey(v.id, p))));
  if (complete) writeFileSync('notes/drift-matrix.md', table());
});

function table(): string {
  const head = `| variant | ${PAGES.map(PAGE_TITLES).join(' | ')} |`;
  const rule = `| --- | ${PAGES.map(() => '---').join(' | ')} |`;
  const rows = VARIANTS.map((v) => `| ${v.id} | ${PAGES.map((p) => cells.get(cellKey(v.id, p)) ?? (v.pages.includes(p) ? 'not run' : 'n/a')).join(' | ')} |`);
  return [
    '# Console drift: variant × page',
    '',
    'Generated by `test/e2e/drift-matrix.test.ts` against the replica console (do not edit by hand). The columns are',
    "the procedure's step pages as registered with definePage (those with a 2016 counterpart); the rows below",
    "\"legacy\" are issue 11's classes of console behaviour (pushState, step names, re-applying editor, header",
    'search decoy, trust on a tab, multi-session host, /iamv2/). The role wizard is recognised by what it shows, so',
    'the flows wait for the guide, never for a URL.',
    '"filled": every field of the page was filled and read back from the control labelled for it.',
    '"named": the field could not be identified with certainty; nothing was typed and the callout shows its value',
    'to copy (or says to set the box by hand). "n/a": the variant does not change that page. Every cell also',
    'asserts that no value of the plan sits in a control labelled for another field or in a look-alike.',
    'Role details: "filled" means the Role ARN was read from the Summary, verified and recorded.',
    'Legacy console: the policy document, name and description share one page; the role is named on its first',
    'step ("Set Role Name"), recorded under role review; the trusted entity is "Establish Trust".',
    '',
    head,
    rule,
    ...rows,
    '',
  ].join('\n');
}

const title = () => guideTitle(h.page).textContent();
const waitTitle = (text: string | RegExp, timeout = 20_000) =>
  expect.poll(async () => (await title()) ?? '', { timeout }).toMatch(typeof text === 'string' ? new RegExp(text) : text);

async function policyFlow(v: Variant): Promise<void> {
  const { page } = h;
  const locale = v.locale;
  await startLink(h, {}, v.patch);
  if (v.legacy) {
    await page.goto(`${iamOf(v)}#/policies$new`);
    await waitTitle('Create Your Own Policy');
    await page.locator('tr', { hasText: 'Create Your Own Policy' }).getByRole('button', { name: 'Select' }).click();
    await waitTitle('Validate Policy');
    const documentArea = () => page.getByLabel('Policy Document', { exact: true }).inputValue();
    if (v.pages.includes('policyEditor')) await record(v, 'policyEditor', page, [{ label: 'Policy document', value: POLICY_DOCUMENT, readBack: documentArea }]);
  } else {
    await page.goto(`${iamOf(v)}#/policies/create?step=addPermissions`);
    await waitTitle('The console checks the policy document');
    if (v.pages.includes('policyEditor')) {
      // Filled shows how the user reads the document ("all regions"); the editor itself must hold it exactly. A
      // copy row (the console kept resetting it, which a busy machine can make last past the hold) offers it whole.
      await record(v, 'policyEditor', page, [
        {
          label: 'Policy document',
          value: (o) => o.filled['Policy document'] ?? POLICY_DOCUMENT,
          copyValue: POLICY_DOCUMENT,
          readBack: async (want) => ((await aceValue(page)) === POLICY_DOCUMENT ? want : 'other text'),
        },
      ]);
    }
    // The step is recognised by what it shows: some consoles change no URL, or change it with pushState.
    await primaryButton(page).click();
    await waitTitle(/This creates \S+ in your AWS account/);
  }
  if (v.pages.includes('policyReview')) {
    await record(v, 'policyReview', page, [
      { label: 'Policy name', value: 'dockercloud-policy', readBack: () => valueOf(page, 'policyName', locale) },
      { label: 'Description', value: POLICY_DESCRIPTION, readBack: () => valueOf(page, 'description', locale) },
    ]);
  }
}


async function roleFlow(v: Variant): Promise<void> {
  const { page } = h;
  const locale = v.locale;
  await startLink(h, { done: ['policyCreated'] }, v.patch);
  h.server.state.policies.push(DOCKERCLOUD_POLICY);
  const field = (label: string): Field => ({
    label,
    value: TRUSTED_ENTITY_FILLED[label] ?? '',
    readBack: () => {
      const m = MESSAGES[locale];
      switch (label) {
        case 'Account ID':
          return valueOf(page, 'accountId', locale);
        case 'External ID':
          return valueOf(page, 'externalId', locale);
        case 'Require external ID':
          return tickedOf(page, v.legacy ? 'Require external ID' : m.requireExternalId);
        case 'Require MFA':
          return tickedOf(page, v.legacy ? 'Require MFA' : m.requireMfa);
        default:
          // The trusted entity: "Another AWS account" chosen (the 2016 wizard's cross-account role type has no radio).
          return v.legacy ? Promise.resolve(TRUSTED_ENTITY_FILLED[label] ?? '') : checkedOf(page, m.anotherAccount).then((c) => (c ? TRUSTED_ENTITY_FILLED[label] ?? '' : 'not chosen'));
      }
    },
  });
  /** dockercloud-policy ticked, and no other policy. */
  const policyAlone = () =>
    page.evaluate(() => {
      const boxes = [...document.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].filter((el) => el.checked && !el.closest('[data-replica-lookalike]'));
      const names = boxes.map((el) => el.getAttribute('aria-label') ?? el.closest('tr')?.textContent ?? '');
      return names.length === 1 && /dockercloud-policy/.test(names[0] ?? '') ? 'dockercloud-policy, selected alone' : `ticked: ${names.join(', ') || 'none'}`;
    });
  if (v.legacy) {
    const next = page.getByRole('button', { name: 'Next Step' });
    await page.goto(`${iamOf(v)}#/roles$new?step=name`);
    await waitTitle('Next Step');
    await record(v, 'roleReview', page, [{ label: 'Role name', value: 'dockercloud-role', readBack: () => valueOf(page, 'roleName', locale) }]);
    await next.click();
    await waitTitle('Role for Cross-Account Access');
    await page.locator('tr', { hasText: 'Allows IAM users from a 3rd party AWS account' }).getByRole('button', { name: 'Select' }).click();
    await page.waitForURL(/step=account/);
    await record(v, 'roleTrustedEntity', page, ['Account ID', 'External ID', 'Require MFA'].map(field));
    await next.click();
    await page.waitForURL(/step=policies/);
    await record(v, 'rolePermissions', page, [{ label: 'Permissions policy', value: 'dockercloud-policy, selected alone', readBack: policyAlone }]);
    return;
  }
  await page.goto(`${iamOf(v)}${roleCreateHash({ trustedAccountId: '689684103426', externalId: 'moby', roleName: 'dockercloud-role' })}`);
  await waitTitle('choose the role');
  if (v.pages.includes('roleTrustedEntity')) await record(v, 'roleTrustedEntity', page, Object.keys(TRUSTED_ENTITY_FILLED).map(field));
  if (!v.pages.includes('rolePermissions') && !v.pages.includes('roleReview')) return;
  await primaryButton(page).click();
  await waitTitle('name the role');
  if (v.pages.includes('rolePermissions')) {
    const ticked = () => page.getByRole('checkbox', { name: /dockercloud-policy/ }).isChecked().then((c) => (c ? 'dockercloud-policy, selected alone' : 'not ticked'));
    await record(v, 'rolePermissions', page, [{ label: 'Permissions policy', value: 'dockercloud-policy, selected alone', readBack: ticked }]);
  }
  await primaryButton(page).click();
  await waitTitle(/This creates \S+, the role Docker Cloud will assume/);
  await record(v, 'roleReview', page, [
    { label: 'Role name', value: 'dockercloud-role', readBack: () => valueOf(page, 'roleName', locale) },
    { label: 'Description', value: ROLE_DESCRIPTION, readBack: () => valueOf(page, 'description', locale) },
  ]);
}

async function detailsFlow(v: Variant): Promise<void> {
  const { page } = h;
  await startLink(h, { done: ['policyCreated', 'roleCreated'] }, v.patch);
  h.server.state.policies.push(DOCKERCLOUD_POLICY);
  h.server.state.roles.push(role('dockercloud-role', { externalId: 'moby' }));
  await page.goto(`${iamOf(v)}${v.legacy ? '#roles/dockercloud-role' : '#/roles/details/dockercloud-role'}`);
  // The guide's verdict on the page and the stored link must agree: ready to link, this ARN captured, verified.
  const verified = async () => {
    const link = await storedLink(h);
    return link.capturedRoleArn === ARN && typeof link.done.roleVerified === 'number';
  };
  const shown = async () => (await guideCallout(page).textContent().catch(() => null)) ?? '';
  await expect.poll(async () => (await verified()) && /ready to link/.test(await shown()), { timeout: 25_000 }).toBe(true).catch(() => undefined);
  const text = await shown();
  const ready = (await verified()) && text.includes('ready to link') && text.includes(ARN);
  const outcome = ready ? 'filled' : `✗ ${text.slice(0, 120) || 'role not verified, ARN not captured'}`;
  cells.set(cellKey(v.id, 'roleDetails'), outcome);
  expect(outcome).toBe('filled');
}

describe('console drift matrix', () => {
  it.each(VARIANTS.map((v) => [v.id, v] as const))('%s', async (_id, v) => {
    if (v.pages.includes('policyEditor') || v.pages.includes('policyReview')) await policyFlow(v);
    if (v.pages.some((p) => p === 'roleTrustedEntity' || p === 'rolePermissions' || p === 'roleReview')) await roleFlow(v);
    if (v.pages.includes('roleDetails')) await detailsFlow(v);
  }, 75_000);
});
