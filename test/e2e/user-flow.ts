// The user's effort for the whole link, counted by doing it: every click and keystroke the benchmark
// performs, once with the extension (popup → namespace → checklist → only the buttons the guide rings →
// popup "Send to Docker Cloud"), once by hand as the original guide says, on the same replica pages in the
// same browser without the extension.
//
// Counting rules (the same for both):
// - a click is a click, including opening the popup from the toolbar and following a link in the guide;
// - typing costs one click to focus the field plus one keystroke per character;
// - a value the guide prints may be copied instead: select it (1 click), Ctrl+C, click the field, Ctrl+V
//   (2 clicks + 2 keystrokes); the hand-made run takes the cheaper of the two for each value. The user's own
//   namespace is not in the guide: it is typed. Replacing the editor's sample text adds Ctrl+A.
// - the guide and the console are side by side: switching between them is not counted.
import type { Locator, Page } from 'playwright-core';
import { DOCKER_CLOUD_ACCOUNT_ID, POLICY_NAME } from '../../src/core/docker-cloud';
import { buildPolicyDocument } from '../../src/core/policy';
import type { ConfigPatch } from '../replica/state';
import { AWS_CONSOLE, DOCKER_CLOUD, type Harness } from './harness';
import { guideBox, guideButton, guideState, guideTitle, inGuide } from './guide-support';
import { seed } from './popup-support';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface EffortAction {
  what: string;
  clicks: number;
  keys: number;
}

export interface EffortRun {
  flow: string;
  clicks: number;
  keys: number;
  /** Clicks on console pages, per page (the extension's target: at most one each). */
  clicksPerConsolePage: Record<string, number>;
  completed: boolean;
  /** Where the run stopped, when it did not complete. */
  stoppedAt: string | null;
  actions: EffortAction[];
}

class Counter {
  readonly actions: EffortAction[] = [];
  page = 'popup';
  readonly perPage: Record<string, number> = {};
  add(what: string, clicks: number, keys: number, consolePage?: string): void {
    this.actions.push({ what, clicks, keys });
    if (consolePage) this.perPage[consolePage] = (this.perPage[consolePage] ?? 0) + clicks;
  }
  async click(target: Locator, what: string, consolePage?: string): Promise<void> {
    await target.click();
    this.add(what, 1, 0, consolePage);
  }
  async typeInto(field: Locator, text: string, what: string): Promise<void> {
    await field.click();
    await field.page().keyboard.type(text);
    this.add(what, 1, text.length);
  }
  /** Types into the field that has the focus already (no click), after checking it is `field`. */
  async typeFocused(field: Locator, text: string, what: string): Promise<void> {
    await field.page().waitForFunction((el) => el === document.activeElement, await field.elementHandle(), { timeout: 10_000 });
    await field.page().keyboard.type(text);
    this.add(what, 0, text.length);
  }
  async key(page: Page, combo: string, what: string): Promise<void> {
    await page.keyboard.press(combo);
    this.add(what, 0, 1);
  }
  result(flow: string, completed: boolean, stoppedAt: string | null): EffortRun {
    const sum = (k: 'clicks' | 'keys') => this.actions.reduce((n, a) => n + a[k], 0);
    return { flow, clicks: sum('clicks'), keys: sum('keys'), clicksPerConsolePage: this.perPage, completed, stoppedAt, actions: this.actions };
  }
}

/** What the guide points at: the ring's centre (a page control), else the callout's own action button. */
type Target = { kind: 'ring'; x: number; y: number; label: string } | { kind: 'action'; label: string } | { kind: 'moving' };

async function guideTarget(page: Page): Promise<Target | null> {
  if ((await guideState(page)) !== 'shown') return null;
  const ring = await guideBox(page, '.ring');
  if (ring) {
    return page.evaluate((r) => {
      const x = r.x + r.width / 2;
      const y = r.y + r.height / 2;
      // Out of view: the user scrolls to it (not counted); the ring follows on the next frame.
      if (y < 0 || y > innerHeight) {
        scrollBy(0, y - innerHeight / 2);
        return { kind: 'moving' as const };
      }
      // Only a control is pressed: a ring still moving over text is read again.
      const control = document.elementFromPoint(x, y)?.closest('button, a, [role="button"], input');
      if (!control) return { kind: 'moving' as const };
      return { kind: 'ring' as const, x, y, label: (control.textContent ?? '').trim().slice(0, 40) };
    }, ring);
  }
  const action = await inGuide(page, function (this: ShadowRoot) {
    return this.querySelector('.callout .actions button:not(.quiet)')?.textContent ?? null;
  });
  return action ? { kind: 'action', label: action } : null;
}

const consolePageOf = (url: string) => {
  const hash = new URL(url).hash;
  return hash.replace(/[?&](trustedEntityType|awsAccount|isThirdParty|externalId|roleName)=[^&]*/g, '').replace(/\?$/, '') || '/';
};

/** A fresh replica and one blank tab, as after installing: no console or Docker Cloud tab left from a run before. */
async function freshStart(h: Harness, config: ConfigPatch | undefined): Promise<void> {
  h.server.reset(config);
  for (const page of h.context.pages()) if (page !== h.page) await page.close();
  await h.page.goto('about:blank');
}

export interface FlowOptions {
  /** Replica variants for the run (console variant, Docker Cloud layout). */
  config?: ConfigPatch;
  log?: (line: string) => void;
  /** Called at each moment worth showing (the demo's walkthrough takes a screenshot there). */
  onStep?: (name: string, page: Page) => Promise<void>;
}

/** With the extension: only what the popup asks and what the guide rings. */
export async function withExtension(h: Harness, { config, log = () => undefined, onStep = async () => undefined }: FlowOptions = {}): Promise<EffortRun> {
  const c = new Counter();
  await freshStart(h, config);
  await seed(h, undefined); // first run: nothing stored
  await h.page.goto(`${DOCKER_CLOUD}/`);
  let popup = await h.openPopup();
  c.add('open the extension popup (toolbar)', 1, 0);
  await onStep('popup-first-run', popup);
  // The popup opens with the namespace field focused: typed at once.
  await c.typeFocused(popup.getByRole('textbox', { name: 'Docker Cloud namespace' }), 'moby', 'type the namespace');
  // "Save and start" opens the policy editor itself; each next page follows in the same tab.
  const opened = h.context.waitForEvent('page', { timeout: 15_000 });
  await c.click(popup.getByRole('button', { name: 'Save and start' }), 'Save and start');
  await onStep('popup-checklist', popup);
  const aws = await opened;
  await popup.close();
  await aws.waitForLoadState();
  log(`  extension: Save and start opened ${aws.url()}`);

  let last = '';
  let stoppedAt: string | null = null;
  for (let i = 0; i < 15; i++) {
    // The guide's next target (a new one, once the page moved on).
    let target: Exclude<Target, { kind: 'moving' }> | null = null;
    let moved = false;
    const until = Date.now() + 20_000;
    for (;;) {
      const found = await guideTarget(aws).catch(() => null);
      target = found?.kind === 'moving' ? null : found;
      // The step is known by its URL and the guide's words: a wizard with no step in its URL keeps the address.
      const words = await guideTitle(aws).textContent().catch(() => null);
      const key = `${aws.url()}|${words}|${target?.kind}|${target && 'label' in target ? target.label : ''}`;
      if (target && key !== last) {
        last = key;
        moved = true;
        break;
      }
      const title = await guideTitle(aws).textContent().catch(() => null);
      if (title?.includes('ready to link')) break;
      if (Date.now() > until) break;
      await sleep(100);
    }
    const title = await guideTitle(aws).textContent().catch(() => null);
    if (title?.includes('ready to link')) break;
    if (target !== null && !moved) {
      // The ring did not move on after the press (a field left to the user is ringed): pressing only what the
      // guide rings goes no further.
      await aws.screenshot({ path: '/tmp/bench-effort-stopped.png' }).catch(() => undefined);
      stoppedAt = `${consolePageOf(aws.url())}: the guide kept ringing "${target && 'label' in target ? target.label : ''}" (guide: ${title ?? 'not shown'})`;
      break;
    }
    if (!target) {
      await aws.screenshot({ path: '/tmp/bench-effort-stopped.png' }).catch(() => undefined);
      stoppedAt = `${consolePageOf(aws.url())}: no highlighted control (guide: ${title ?? 'not shown'})`;
      break;
    }
    const where = consolePageOf(aws.url());
    log(`  extension: ${where} → ${target.label}`);
    await onStep(`console ${where}`, aws);
    if (target.kind === 'ring') {
      await aws.mouse.click(target.x, target.y);
      c.add(`console ${where}: press the highlighted "${target.label}"`, 1, 0, where);
    } else {
      await guideButton(aws, target.label).click();
      c.add(`console ${where}: the guide's "${target.label}"`, 1, 0, where);
    }
  }
  if (stoppedAt) return finish(h, c, 'with the extension', stoppedAt);

  await onStep('console role verified', aws);
  popup = await h.openPopup();
  c.add('open the extension popup (toolbar)', 1, 0);
  await onStep('popup-ready-to-send', popup);
  await c.click(popup.getByRole('button', { name: 'Send to Docker Cloud' }), 'Send to Docker Cloud');
  const run = await finish(h, c, 'with the extension', null);
  const docker = h.context.pages().find((p) => p.url().startsWith(DOCKER_CLOUD));
  if (docker) {
    // Shown once the extension's note on the page has the result and the provider list has reloaded.
    await docker.getByText("the extension's checklist for moby is complete.").waitFor({ timeout: 10_000 }).catch(() => undefined);
    await docker.getByText('Loading…').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await onStep('docker-cloud-linked', docker);
  }
  await onStep('popup-linked', popup);
  await popup.close();
  return run;
}

/** What the run left behind, against what the guide asks for; empty when the link is right. */
function outcomeProblems(h: Harness): string[] {
  const doc = buildPolicyDocument({ region: null, passRole: false });
  const { policies, roles, dockerLinks } = h.server.state;
  const policy = policies.find((p) => p.name === POLICY_NAME);
  const role = roles.find((r) => r.name === 'dockercloud-role');
  const problems: string[] = [];
  const same = (a: string, b: string) => {
    try {
      return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
    } catch {
      return false;
    }
  };
  if (!policy || !doc.ok || !same(policy.document, doc.value)) problems.push('dockercloud-policy missing or with another document');
  const trust = role?.trustPolicy ?? '';
  if (!role || !trust.includes(`${DOCKER_CLOUD_ACCOUNT_ID}:root`) || !trust.includes('"moby"')) problems.push('dockercloud-role missing or trusting the wrong account or External ID');
  if (role && policy && !role.attachedPolicyArns.includes(policy.arn)) problems.push('dockercloud-policy not attached');
  if (role && dockerLinks.moby?.roleArn !== role.arn) problems.push('Docker Cloud did not record the Role ARN');
  return problems;
}

async function finish(h: Harness, c: Counter, flow: string, stoppedAt: string | null): Promise<EffortRun> {
  if (stoppedAt) return c.result(flow, false, stoppedAt);
  await waitFor(() => outcomeProblems(h).length === 0, 20_000);
  const problems = outcomeProblems(h);
  return c.result(flow, problems.length === 0, problems.length === 0 ? null : problems.join('; '));
}

async function waitFor(test: () => boolean, timeout: number): Promise<boolean> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (test()) return true;
    await sleep(100);
  }
  return test();
}

/** By hand, following the guide on the current console's pages (its steps in the current wording). */
export async function byHand(h: Harness, { config, log = () => undefined }: FlowOptions = {}): Promise<EffortRun> {
  const c = new Counter();
  await freshStart(h, config);
  const doc = buildPolicyDocument({ region: null, passRole: false });
  if (!doc.ok) throw new Error('no policy document');
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: AWS_CONSOLE });
  await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: DOCKER_CLOUD });
  // The guide, open beside the console: each value it prints, selectable.
  const guide = await h.context.newPage();
  const values = { policyName: POLICY_NAME, policyDocument: doc.value, accountId: DOCKER_CLOUD_ACCOUNT_ID, roleName: 'dockercloud-role' };
  await guide.setContent(
    `<main>${Object.entries(values)
      .map(([k, v]) => `<pre id="${k}">${v.replace(/[&<>]/g, (ch) => `&#${ch.charCodeAt(0)};`)}</pre>`)
      .join('')}</main>`,
  );
  const page = h.page;
  let where = '';
  const at = (name: string) => (where = name);
  const click = (target: Locator, what: string) => c.click(target, what, where);

  /** A value from the guide into a field: typed or copied, whichever costs fewer actions. */
  const enter = async (field: Locator, key: keyof typeof values, what: string, replace = false) => {
    const text = values[key];
    const copyCost = 4 + (replace ? 1 : 0);
    if (text.length + 1 <= copyCost) return c.typeInto(field, text, `${what}: type`);
    await guide.locator(`#${key}`).selectText();
    c.add(`${what}: select it in the guide`, 1, 0, where);
    await c.key(guide, 'Control+C', `${what}: copy`);
    await field.click();
    c.add(`${what}: click the field`, 1, 0, where);
    if (replace) await c.key(page, 'Control+A', `${what}: select the sample text`);
    await c.key(page, 'Control+V', `${what}: paste`);
  };

  let stoppedAt: string | null = null;
  try {
    at('#policies');
    await page.goto(`${AWS_CONSOLE}/iam/home#/policies`);
    c.add("follow the guide's link to IAM policies", 1, 0);
    await click(page.getByRole('button', { name: 'Create policy' }), 'Create policy');
    at('#/policies/create (permissions)');
    await click(page.getByRole('button', { name: 'JSON' }), 'editor: JSON');
    await enter(page.locator('.ace_content'), 'policyDocument', 'policy document', true);
    await click(page.getByRole('button', { name: 'Next' }), 'Next');
    at('#/policies/create (review)');
    await enter(page.getByLabel('Policy name'), 'policyName', 'policy name');
    await click(page.getByRole('button', { name: 'Create policy' }), 'Create policy');
    await page.waitForURL(/#\/policies$/);
    log(`  by hand: policy ${h.server.state.policies[0]?.name ?? 'not created'}`);

    at('#roles');
    await page.goto(`${AWS_CONSOLE}/iam/home#/roles`);
    c.add("follow the guide's link to IAM roles", 1, 0);
    await click(page.getByRole('button', { name: 'Create role' }), 'Create role');
    at('#/roles/create (trusted entity)');
    await click(page.getByText('AWS account', { exact: true }), 'tile: AWS account');
    await click(page.getByText('Another AWS account', { exact: true }), 'Another AWS account');
    await enter(page.getByRole('textbox', { name: /Account ID/ }), 'accountId', 'account ID');
    await click(page.getByText('Require external ID', { exact: false }).first(), 'Require external ID');
    await c.typeInto(page.getByRole('textbox', { name: /External ID/ }), 'moby', 'External ID: type the namespace');
    await click(page.getByRole('button', { name: 'Next' }), 'Next');
    at('#/roles/create (permissions)');
    await enter(page.getByRole('searchbox'), 'policyName', 'filter policies');
    await click(page.getByRole('checkbox', { name: `Select ${POLICY_NAME}` }), 'select dockercloud-policy');
    await click(page.getByRole('button', { name: 'Next' }), 'Next');
    at('#/roles/create (review)');
    await enter(page.getByRole('textbox', { name: 'Role name' }), 'roleName', 'role name');
    await click(page.getByRole('button', { name: 'Create role' }), 'Create role');
    at('#/roles (created)');
    await click(page.getByRole('button', { name: 'View role' }), 'View role');
    at('#/roles/details');
    await click(page.getByRole('button', { name: /Copy ARN/i }).first(), 'copy the Role ARN');
    // The copy is asynchronous: the user sees "copied" before moving on (read here from the clipboard).
    await page.waitForFunction(() => navigator.clipboard.readText().then((text) => text.includes(':role/')), null, { timeout: 5000, polling: 100 });
    log(`  by hand: role ${h.server.state.roles[0]?.name ?? 'not created'}`);

    at('Docker Cloud');
    await page.goto(`${DOCKER_CLOUD}/`);
    c.add('open Docker Cloud', 1, 0, where);
    await click(page.getByRole('link', { name: 'Cloud settings' }), 'Cloud settings');
    await click(page.locator('li').filter({ hasText: 'Amazon Web Services' }).getByRole('button', { name: 'Connect provider' }), 'plug icon');
    const dialog = page.getByRole('dialog', { name: 'Add AWS Credentials' });
    await click(dialog.getByLabel('Role ARN'), 'Role ARN field');
    await c.key(page, 'Control+V', 'paste the Role ARN');
    const pasted = await dialog.getByLabel('Role ARN').inputValue();
    if (!pasted.includes(':role/dockercloud-role')) throw new Error(`pasted "${pasted}" instead of the Role ARN`);
    await click(dialog.getByRole('button', { name: 'Save' }), 'Save');
  } catch (error) {
    stoppedAt = `${where}: ${String(error).split('\n')[0]}`;
  }
  await guide.close();
  return finish(h, c, 'by hand (the original guide)', stoppedAt);
}
