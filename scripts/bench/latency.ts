// Prefill latency: for each control the extension fills, the time from its appearance in the DOM to the
// moment it holds the right value, read in the page's own world by a script installed before the console
// loads (a MutationObserver, input/change/click listeners and an animation-frame poll). Per page: the
// slowest of its controls; per run, the policy wizard (editor → review) and the role wizard from the
// checklist's link (trusted entity → permissions → review), pressing only Next. Nothing is created.
import type { Page } from 'playwright-core';
import { DOCKER_CLOUD_ACCOUNT_ID, POLICY_DESCRIPTION, POLICY_NAME, ROLE_DESCRIPTION } from '../../src/core/docker-cloud';
import { buildPolicyDocument } from '../../src/core/policy';
import { createRoleUrl } from '../../src/background/steps';
import type { Link } from '../../src/core/flow';
import { AWS_CONSOLE, type Harness } from '../../test/e2e/harness';
import { median, quantile, round, seedLink } from './common';

const IAM = `${AWS_CONSOLE}/iam/home`;
const PRIMARY = 'button[class*="awsui_primary-button_1xupv_"]';

/** A control, found in the page's world by its label; `want` is the value (or checked state) it must hold. */
interface Probe {
  key: string;
  page: string;
  kind: 'text' | 'check' | 'ace';
  /** Label text (exact, trimmed) of the control; for 'ace', unused. */
  label: string;
  want: string | boolean;
}

export interface PageLatency {
  page: string;
  controls: string[];
  runs: number;
  /** Runs where every control reached its value within the wait. */
  complete: number;
  medianMs: number;
  p95Ms: number;
}

function probes(): Probe[] {
  const doc = buildPolicyDocument({ region: null, passRole: false });
  if (!doc.ok) throw new Error('no policy document');
  return [
    { key: 'policyDocument', page: 'Policy editor', kind: 'ace', label: '', want: doc.value },
    { key: 'policyName', page: 'Policy review', kind: 'text', label: 'Policy name', want: POLICY_NAME },
    { key: 'policyDescription', page: 'Policy review', kind: 'text', label: 'Description - optional', want: POLICY_DESCRIPTION },
    { key: 'awsAccountTile', page: 'Role: trusted entity', kind: 'check', label: 'AWS account', want: true },
    { key: 'anotherAccount', page: 'Role: trusted entity', kind: 'check', label: 'Another AWS account', want: true },
    { key: 'accountId', page: 'Role: trusted entity', kind: 'text', label: 'Account ID', want: DOCKER_CLOUD_ACCOUNT_ID },
    { key: 'requireExternalId', page: 'Role: trusted entity', kind: 'check', label: 'Require external ID', want: true },
    { key: 'externalId', page: 'Role: trusted entity', kind: 'text', label: 'External ID', want: 'moby' },
    { key: 'requireMfa', page: 'Role: trusted entity', kind: 'check', label: 'Require MFA', want: false },
    { key: 'policySelected', page: 'Role: permissions', kind: 'check', label: `Select ${POLICY_NAME}`, want: true },
    { key: 'roleName', page: 'Role: review', kind: 'text', label: 'Role name', want: 'dockercloud-role' },
    { key: 'roleDescription', page: 'Role: review', kind: 'text', label: 'Description', want: ROLE_DESCRIPTION },
  ];
}

/** Runs in the page's world from document start; records performance.now() per probe in window.__prefill. */
function recorder(list: Probe[]): void {
  type Mark = { appeared?: number; correct?: number };
  const marks: Record<string, Mark> = {};
  (window as unknown as { __prefill: Record<string, Mark> }).__prefill = marks;
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  // aria-label, then <label for>, then the first aria-labelledby element, then a wrapping label.
  const labelOf = (el: Element): string => {
    const aria = el.getAttribute('aria-label');
    if (aria) return norm(aria);
    const byFor = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    if (byFor) return norm(byFor.textContent);
    const ids = el.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
    const first = ids.map((id) => document.getElementById(id)).find((e) => e !== null);
    if (first) return norm(first.textContent);
    return norm(el.closest('label')?.textContent);
  };
  const find = (p: Probe): Element | null => {
    if (p.kind === 'ace') return document.querySelector('.ace_editor');
    const selector = p.kind === 'text' ? 'input[type="text"], input:not([type]), textarea' : 'input[type="checkbox"], input[type="radio"]';
    const exact = [...document.querySelectorAll(selector)].filter((el) => labelOf(el) === p.label);
    // A tile's label holds its description too: fall back to "starts with".
    return exact[0] ?? [...document.querySelectorAll(selector)].find((el) => labelOf(el).startsWith(p.label)) ?? null;
  };
  const holds = (p: Probe, el: Element): boolean => {
    if (p.kind === 'ace') return (el as Element & { env?: { editor?: { getValue(): string } } }).env?.editor?.getValue() === p.want;
    if (p.kind === 'text') return (el as HTMLInputElement).value === p.want;
    return (el as HTMLInputElement).checked === p.want;
  };
  const check = () => {
    const now = performance.now();
    for (const p of list) {
      const m = (marks[p.key] ??= {});
      if (m.correct !== undefined) continue;
      const el = find(p);
      if (!el) continue;
      m.appeared ??= now;
      if (holds(p, el)) m.correct = now;
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  for (const type of ['input', 'change', 'click']) document.addEventListener(type, check, true);
  const poll = () => {
    check();
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

type Marks = Record<string, { appeared?: number; correct?: number }>;
const marksOf = (page: Page) => page.evaluate(() => (window as unknown as { __prefill: Marks }).__prefill);

/** Waits until every probe of `pageName` is correct (or `timeout`), then returns its marks. */
async function settle(page: Page, keys: string[], timeout = 10_000): Promise<Marks> {
  await page
    .waitForFunction((ks) => ks.every((k) => (window as unknown as { __prefill: Marks }).__prefill[k]?.correct !== undefined), keys, { timeout, polling: 50 })
    .catch(() => undefined);
  // And the guide is up: the page module is done (its Next is the user's to press).
  await page.waitForFunction(() => document.getElementById('dockercloud-aws-link-guide')?.dataset.state === 'shown', null, { timeout: 5000 }).catch(() => undefined);
  return marksOf(page);
}

export async function measureLatency(h: Harness, runs: number, log: (line: string) => void = () => undefined): Promise<PageLatency[]> {
  const list = probes();
  const pages = [...new Set(list.map((p) => p.page))];
  const keysOf = (name: string) => list.filter((p) => p.page === name).map((p) => p.key);
  const samples = new Map<string, { ms: number | null }[]>(pages.map((p) => [p, []]));
  // tsx keeps function names with a `__name` helper that the page does not have.
  await h.page.addInitScript('globalThis.__name ??= (f) => f;');
  await h.page.addInitScript(recorder, list);
  const record = (name: string, marks: Marks) => {
    const lat = keysOf(name).map((k) => {
      const m = marks[k];
      return m?.appeared !== undefined && m.correct !== undefined ? m.correct - m.appeared : null;
    });
    samples.get(name)?.push({ ms: lat.some((v) => v === null) ? null : Math.max(...(lat as number[])) });
  };
  const next = async () => {
    await h.page.locator(PRIMARY).click();
  };

  for (let i = 0; i < runs; i++) {
    h.server.reset();
    await seedLink(h, 'moby');
    await h.page.goto('about:blank');
    await h.page.goto(`${IAM}#/policies/create?step=addPermissions`);
    record('Policy editor', await settle(h.page, keysOf('Policy editor')));
    await next();
    await h.page.waitForURL(/step=review/);
    record('Policy review', await settle(h.page, keysOf('Policy review')));

    h.server.state.policies.push({ name: POLICY_NAME, arn: `arn:aws:iam::${h.server.state.accountId}:policy/${POLICY_NAME}`, description: POLICY_DESCRIPTION, document: '{}' });
    await seedLink(h, 'moby', ['policyCreated']);
    await h.page.goto('about:blank');
    // The URL the checklist's "Create role" opens, with the console's prefill parameters.
    await h.page.goto(createRoleUrl({ settings: { namespace: 'moby', roleName: 'dockercloud-role' } } as Link).replace('https://console.aws.amazon.com', AWS_CONSOLE));
    record('Role: trusted entity', await settle(h.page, keysOf('Role: trusted entity')));
    await next();
    await h.page.waitForURL(/step=addPermissions/);
    record('Role: permissions', await settle(h.page, keysOf('Role: permissions')));
    await next();
    await h.page.waitForURL(/step=review/);
    record('Role: review', await settle(h.page, keysOf('Role: review')));
    log(`  latency run ${i + 1}/${runs}`);
  }

  return pages.map((name) => {
    const all = samples.get(name) ?? [];
    const done = all.map((s) => s.ms).filter((v): v is number => v !== null);
    return {
      page: name,
      controls: keysOf(name),
      runs: all.length,
      complete: done.length,
      medianMs: round(median(done)),
      p95Ms: round(quantile(done, 0.95)),
    };
  });
}
