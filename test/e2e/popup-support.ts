// What the popup and background tests share: storage seen from the service worker, and the popup as a page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { DEFAULT_POLICY_CHOICE, type PolicyChoice } from '../../src/core/policy';
import { dockerTaskStatusSchema, type DockerTaskStatus, type StoredState } from '../../src/core/schemas';
import type { Harness } from './harness';

/** The extension API inside the service worker and the popup (these tests run their functions there). */
declare const chrome: {
  storage: Record<'local' | 'session', { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; clear(): Promise<void> }>;
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

export const ARN = 'arn:aws:iam::123456789012:role/dockercloud-role';

export async function stored(h: Harness): Promise<{ state: StoredState | undefined; task: unknown }> {
  const sw = await h.serviceWorker();
  return sw.evaluate(async () => ({
    state: (await chrome.storage.local.get('state')).state as StoredState | undefined,
    task: (await chrome.storage.session.get('dockerTask')).dockerTask ?? null,
  }));
}

export async function seed(h: Harness, state: unknown): Promise<void> {
  const sw = await h.serviceWorker();
  await sw.evaluate(async (s) => {
    await chrome.storage.local.clear();
    await chrome.storage.session.clear();
    if (s !== undefined) await chrome.storage.local.set({ state: s });
  }, state);
}

export const settings = (namespace: string, roleName = 'dockercloud-role', sharedAwsAccount = false, policy: PolicyChoice = DEFAULT_POLICY_CHOICE) => ({
  namespace,
  policy,
  roleName,
  sharedAwsAccount,
});

export function linkState(links: Record<string, object>, active: string | null = Object.keys(links)[0] ?? null) {
  return { version: 2, activeNamespace: active, links };
}

/** A message sent from the popup page, as the popup's own code would. */
export const fromPopup = (popup: Page, message: unknown): Promise<unknown> => popup.evaluate((m) => chrome.runtime.sendMessage(m), message);

/** The checklist's statuses, in order. */
export const statuses = (popup: Page): Promise<(string | null)[]> =>
  popup.locator('.checklist > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-status')));

/** Storage as the background keeps it, progress and the Docker Cloud task together. */
export async function seedWorld(h: Harness, state: unknown, task: unknown = null): Promise<void> {
  await seed(h, state);
  if (task === null) return;
  const sw = await h.serviceWorker();
  await sw.evaluate(async (t) => chrome.storage.session.set({ dockerTask: t }), task);
}

const T = 1_700_000_000_000;
const link = (done: Record<string, number>, capturedRoleArn: string | null = null, problems: object = {}, s = settings('moby')) => ({
  settings: s,
  done,
  capturedRoleArn,
  problems,
});
const upTo = (steps: string[]) => Object.fromEntries(steps.map((s) => [s, T]));
/** A task as the background stores it (parsed here: the background silently drops one its schema cannot read). */
const task = (alreadyLinked: NonNullable<DockerTaskStatus>['alreadyLinked']): DockerTaskStatus => dockerTaskStatusSchema.parse({
  id: '0123456789abcdef0123456789abcdef',
  namespace: 'moby',
  roleArn: ARN,
  replaceExisting: false,
  tabId: null,
  // Fresh when the tests start: an older task in flight is expired by the background on its next event.
  createdAt: Date.now(),
  savingSince: null,
  alreadyLinked,
  replacing: null,
});

/**
 * Every state the popup can be in, as stored state plus what the user did in the popup to get there. The a11y,
 * height and screenshot runs all walk this one list.
 */
export interface PopupState {
  name: string;
  state: unknown;
  task?: unknown;
  /** What the user did in the popup after it opened (opened a section, a confirmation…). */
  act?: (popup: Page) => Promise<void>;
  /** Visible once the popup shows this state. */
  ready: string;
}

export const POPUP_STATES: PopupState[] = [
  { name: 'first-run', state: undefined, ready: 'form.setup' },
  {
    name: 'first-run-everything-open',
    state: undefined,
    ready: 'form.setup',
    act: async (popup) => {
      await popup.locator('form.setup label.choice').nth(1).click();
      await popup.locator('form.setup select').waitFor();
      await popup.locator('button.disclosure').click();
      await popup.locator('div.advanced input[type=checkbox]').first().check();
      await popup.locator('form.setup input[type=text]').first().fill('Moby');
      await popup.locator('form.setup input[type=text]').first().blur();
    },
  },
  {
    name: 'add-namespace-role-taken',
    state: linkState({ moby: link(upTo(['policyCreated'])) }),
    ready: '.switcher',
    act: async (popup) => {
      await popup.locator('.switcher button').click();
      await popup.locator('form.setup input[type=text]').first().fill('teamawesome');
      await popup.locator('button.disclosure').click();
      await popup.locator('div.advanced input[type=checkbox]').nth(1).uncheck();
      await popup.locator('form.setup .error').last().waitFor();
    },
  },
  { name: 'policy-next', state: linkState({ moby: link({}) }), ready: '[data-step=policyCreated] .next-action' },
  { name: 'arn-next', state: linkState({ moby: link(upTo(['policyCreated', 'roleCreated'])) }), ready: '[data-step=arnCaptured] .next-action' },
  {
    name: 'arn-paste-invalid',
    state: linkState({ moby: link(upTo(['policyCreated', 'roleCreated'])) }),
    ready: '.arn button.link',
    act: async (popup) => {
      await popup.locator('.arn button.link').click();
      await popup.locator('.arn input').fill('arn:aws:iam::123456789012:user/dockercloud-user');
      await popup.locator('.arn .error').waitFor();
    },
  },
  {
    name: 'unverified-send-anyway',
    state: linkState({ moby: link(upTo(['policyCreated', 'roleCreated', 'arnCaptured']), ARN) }),
    ready: '[data-step=roleVerified] .next-action',
    act: async (popup) => {
      await popup.locator('.next-action button.link').click();
      await popup.locator('.next-action .confirm').waitFor();
    },
  },
  {
    name: 'verification-failed',
    state: linkState({
      moby: link(upTo(['policyCreated', 'roleCreated', 'arnCaptured']), ARN, {
        roleVerified: [{ message: 'trustMfaRequired' }, { message: 'rolePolicyNotAttached', substitutions: ['dockercloud-policy'] }],
      }),
    }),
    ready: '[data-step=roleVerified][data-status=failed]',
  },
  { name: 'ready-to-send', state: linkState({ moby: link(upTo(['policyCreated', 'roleCreated', 'arnCaptured', 'roleVerified']), ARN) }), ready: '[data-step=arnSent] .next-action' },
  {
    name: 'sending',
    state: linkState({ moby: link(upTo(['policyCreated', 'roleCreated', 'arnCaptured', 'roleVerified']), ARN) }),
    task: task(null),
    ready: '[data-step=arnSent][data-status=sending] .send .spinner',
  },
  {
    // As the background leaves it when Docker Cloud's page shows a link already: the send's problem, and the task waiting.
    name: 'docker-cloud-already-linked',
    state: linkState({
      moby: link(upTo(['policyCreated', 'roleCreated', 'arnCaptured', 'roleVerified']), ARN, { arnSent: [{ message: 'bgDockerAlreadyLinkedAccessKey', substitutions: ['moby'] }] }),
    }),
    task: task('access-key'),
    ready: '[data-step=arnSent][data-status=failed] .send .primary',
  },
  {
    name: 'docker-cloud-rejected',
    state: linkState({
      moby: link(upTo(['policyCreated', 'roleCreated', 'arnCaptured', 'roleVerified', 'arnSent']), ARN, { linkConfirmed: [{ message: 'dockerErrorExternalId' }] }),
    }),
    ready: '[data-step=linkConfirmed][data-status=failed]',
  },
  {
    name: 'linked',
    state: linkState({ moby: link(upTo(['policyCreated', 'roleCreated', 'arnCaptured', 'roleVerified', 'arnSent', 'linkConfirmed']), ARN) }),
    ready: '[data-testid=linked]',
  },
  {
    name: 'linked-start-over',
    state: linkState({
      moby: link(upTo(['policyCreated', 'roleCreated', 'arnCaptured', 'roleVerified', 'arnSent', 'linkConfirmed']), ARN),
      teamawesome: link({}, null, {}, settings('teamawesome', 'dockercloud-role-teamawesome', true, { region: 'eu-west-1', passRole: true })),
    }),
    ready: '[data-testid=linked]',
    act: async (popup) => {
      await popup.locator('footer button.link').first().click();
      await popup.locator('footer .confirm').waitFor();
    },
  },
];

/** Opens the popup in one of its states and waits until it shows it. */
export async function popupIn(h: Harness, s: PopupState): Promise<Page> {
  await seedWorld(h, s.state, s.task ?? null);
  const popup = await h.openPopup();
  await popup.locator(s.ready).first().waitFor();
  await s.act?.(popup);
  return popup;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's WCAG 2.2 A and AA rules over the page as it is now. The source is evaluated through the DevTools
 * protocol, which an extension page's CSP (script-src 'self') does not block.
 */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe.run;
    const { violations } = await run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
  });
}

/** The popup's full height as laid out (Chrome cuts a popup at 600 px). */
export const popupHeight = (popup: Page): Promise<number> => popup.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
