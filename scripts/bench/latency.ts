// Prefill latency: for each control the extension fills, the time from its appearance in the DOM to the
// moment it holds the right value, read in the page's own world by a script installed before the console
// loads (a MutationObserver, input/change/click listeners and an animation-frame poll). Per page: the
// slowest of its controls; per run, the policy wizard (editor → review) and the role wizard from the
// checklist's link (trusted entity → permissions → review), pressing only Next. Nothing is created.
//
// The page's floor: the same walk in the browser without the extension, where a script in the page fills
// each control in the first microtask after it appears, with the same events, and no lookup beyond the
// recorder's. No filler can be faster: what remains is the page's own work (a controlled input re-renders
// the console's React tree before the next one can be set).
import type { Page } from 'playwright-core';
import { DOCKER_CLOUD_ACCOUNT_ID, POLICY_DESCRIPTION, POLICY_NAME, ROLE_DESCRIPTION } from '../../src/core/docker-cloud';
import { buildPolicyDocument } from '../../src/core/policy';
import { createRoleUrl } from '../../src/background/steps';
import type { Link, StepId } from '../../src/core/flow';
import { ARMING_PAGE } from '../../test/e2e/armed-support';
import { IAM, PRIMARY_BUTTON } from '../../test/e2e/aws-support';
import { AWS_CONSOLE, type Harness } from '../../test/e2e/harness';
import { median, quantile, round, seedLink } from './common';

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
  /**
   * Animation frames that ran while a control of the page was on it without its value (the page's worst
   * control, per run): 0 means the first frame that could show the control already showed it filled.
   */
  framesUnfilled: { median: number; max: number };
  /**
   * Each control alone: appearance → right value, over the runs where it got there, and the same in the floor.
   * A step's first field shows the extension's own time; a later one adds the console's re-render for the
   * fields set before it, which the floor pays too (and whose run-to-run spread is the page figure's noise).
   */
  perControl: { key: string; medianMs: number; p95Ms: number; floorMedianMs: number }[];
  /** The same figure with the page's own fastest possible filler and no extension (see above). */
  floor: { complete: number; medianMs: number; p95Ms: number };
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
    // The extension finds the policy with the table's filter, as the original guide has the user do; the floor
    // types it too: what the console does after a filter was typed weighs on the steps after it (the review's
    // re-render measured 2-4 ms slower when only the extension's walk typed it).
    { key: 'policyFilter', page: 'Role: permissions', kind: 'text', label: 'Filter policies by property or policy name and press enter', want: POLICY_NAME },
    { key: 'policySelected', page: 'Role: permissions', kind: 'check', label: `Select ${POLICY_NAME}`, want: true },
    { key: 'roleName', page: 'Role: review', kind: 'text', label: 'Role name', want: 'dockercloud-role' },
    { key: 'roleDescription', page: 'Role: review', kind: 'text', label: 'Description', want: ROLE_DESCRIPTION },
  ];
}

/**
 * Runs in the page's world from document start; records performance.now() per probe in window.__prefill.
 * With `fill` (the floor, no extension), it also sets each control in the first microtask after it appears.
 */
function recorder({ list, fill }: { list: Probe[]; fill: boolean }): void {
  // `frames`: animation frames run so far; a frame between a control's appearance and its value is one
  // the user could see it without the value.
  type Mark = { appeared?: number; correct?: number; appearedFrame?: number; correctFrame?: number };
  let frames = 0;
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
    const selector = p.kind === 'text' ? 'input[type="text"], input[type="search"], input:not([type]), textarea' : 'input[type="checkbox"], input[type="radio"]';
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
      if (m.appeared === undefined) {
        m.appeared = now;
        m.appearedFrame = frames;
      }
      if (holds(p, el)) {
        m.correct = now;
        m.correctFrame = frames;
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  for (const type of ['input', 'change', 'click']) document.addEventListener(type, check, true);
  if (fill) {
    // Observed after the recorder, as the extension's observers are: appearance is marked first.
    const filled = new WeakSet<Element>();
    const fillNow = () => {
      // The policy editor opens on "Visual": its "JSON" segment reveals the Ace editor, as the extension presses it.
      const json = [...document.querySelectorAll('button[aria-pressed="false"]')].find((el) => el.textContent?.trim() === 'JSON');
      if (json instanceof HTMLElement && !document.querySelector('.ace_editor')) json.click();
      for (const p of list) {
        const el = find(p);
        if (!el || filled.has(el)) continue;
        if (p.kind === 'ace') {
          const editor = (el as Element & { env?: { editor?: { setValue(text: string, cursor: number): void } } }).env?.editor;
          if (!editor) continue;
          editor.setValue(String(p.want), -1);
        } else if (p.kind === 'text') {
          const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
          Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, p.want);
          el.dispatchEvent(new Event('input', { bubbles: true }));
          el.dispatchEvent(new Event('change', { bubbles: true }));
        } else if ((el as HTMLInputElement).checked !== p.want) (el as HTMLInputElement).click();
        filled.add(el);
      }
    };
    new MutationObserver(fillNow).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  }
  const poll = () => {
    frames++;
    check();
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

type Marks = Record<string, { appeared?: number; correct?: number; appearedFrame?: number; correctFrame?: number }>;
const marksOf = (page: Page) => page.evaluate(() => (window as unknown as { __prefill: Marks }).__prefill);

/** Waits until every probe of `pageName` is correct (or `timeout`), then returns its marks. */
async function settle(page: Page, keys: string[], guided: boolean, timeout = 10_000): Promise<Marks> {
  await page
    .waitForFunction((ks) => ks.every((k) => (window as unknown as { __prefill: Marks }).__prefill[k]?.correct !== undefined), keys, { timeout, polling: 50 })
    .catch(() => undefined);
  // And the guide is up: the page module is done (its Next is the user's to press).
  if (guided) await page.waitForFunction(() => document.getElementById('dockercloud-aws-link-guide')?.dataset.state === 'shown', null, { timeout: 5000 }).catch(() => undefined);
  return marksOf(page);
}

interface Sample {
  /** The page's slowest control, or null when one never got its value. */
  ms: number | null;
  frames: number | null;
  perControl: Record<string, number | null>;
}

/** The probes' keys on the page `name`, in order. */
const controlsOf = (list: Probe[], name: string) => list.filter((p) => p.page === name).map((p) => p.key);

/** Walks both wizards in `h`, once per `run()`; with `fill`, the page fills itself (the floor, no extension). */
async function walker(h: Harness, list: Probe[], fill: boolean) {
  const samples = new Map<string, Sample[]>();
  const page = await h.context.newPage();
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript('globalThis.__name ??= (f) => f;');
  await page.addInitScript(recorder, { list, fill });
  const seed = async (done: StepId[] = []) => {
    // The walker's own tab is the one armed: the console pages fill only in a tab armed for the link.
    if (!fill) return seedLink(h, 'moby', done, page);
    // The floor walks the same pages: arming loads a console page in the tab before each wizard, and what that
    // load leaves in the tab and its renderer (history, a cached page) weighs on the wizard's page after it.
    await page.goto(ARMING_PAGE);
    await page.goto('about:blank');
  };
  const record = async (name: string) => {
    const keys = controlsOf(list, name);
    const marks = await settle(page, keys, !fill);
    const between = (k: string, from: 'appeared' | 'appearedFrame', to: 'correct' | 'correctFrame') => {
      const m = marks[k];
      return m?.[from] !== undefined && m[to] !== undefined ? m[to] - m[from] : null;
    };
    const worst = (values: (number | null)[]) => (values.some((v) => v === null) ? null : Math.max(...(values as number[])));
    const perControl = Object.fromEntries(keys.map((k) => [k, between(k, 'appeared', 'correct')]));
    samples.set(name, [
      ...(samples.get(name) ?? []),
      { ms: worst(Object.values(perControl)), frames: worst(keys.map((k) => between(k, 'appearedFrame', 'correctFrame'))), perControl },
    ]);
  };
  const next = async (step: RegExp) => {
    await page.locator(PRIMARY_BUTTON).click();
    await page.waitForURL(step);
  };

  const run = async () => {
    h.server.reset();
    await seed();
    await page.goto('about:blank');
    await page.goto(`${IAM}#/policies/create?step=addPermissions`);
    await record('Policy editor');
    await next(/step=review/);
    await record('Policy review');

    h.server.state.policies.push({ name: POLICY_NAME, arn: `arn:aws:iam::${h.server.state.accountId}:policy/${POLICY_NAME}`, description: POLICY_DESCRIPTION, document: '{}' });
    await seed(['policyCreated']);
    await page.goto('about:blank');
    // The URL the checklist's "Create role" opens, with the console's prefill parameters.
    await page.goto(createRoleUrl({ settings: { namespace: 'moby', roleName: 'dockercloud-role' } } as Link).replace('https://console.aws.amazon.com', AWS_CONSOLE));
    await record('Role: trusted entity');
    await next(/step=addPermissions/);
    await record('Role: permissions');
    await next(/step=review/);
    await record('Role: review');
  };
  return { run, samples, close: () => page.close() };
}

/** Latency with the extension (`ext`) and the page's floor without it (`base`), per page. */
export async function measureLatency(
  { ext, base }: { ext: Harness; base: Harness },
  runs: number,
  log: (line: string) => void = () => undefined,
): Promise<PageLatency[]> {
  const list = probes();
  // Alternating, so that a busier moment of the machine weighs on both alike.
  const walkers = [await walker(ext, list, false), await walker(base, list, true)] as const;
  try {
    for (let i = 0; i < runs; i++) {
      for (const w of walkers) await w.run();
      log(`  latency run ${i + 1}/${runs} (with the extension, then the page's floor)`);
    }
  } finally {
    for (const w of walkers) await w.close();
  }
  const [{ samples: withExtension }, { samples: floor }] = walkers;
  const stats = (values: (number | null)[]) => {
    const done = values.filter((v): v is number => v !== null);
    return { complete: done.length, medianMs: round(median(done)), p95Ms: round(quantile(done, 0.95)) };
  };

  return [...new Set(list.map((p) => p.page))].map((name) => {
    const all = withExtension.get(name) ?? [];
    const frames = all.map((s) => s.frames).filter((v): v is number => v !== null);
    const controls = controlsOf(list, name);
    return {
      page: name,
      controls,
      runs: all.length,
      ...stats(all.map((s) => s.ms)),
      framesUnfilled: { median: median(frames), max: Math.max(...frames) },
      perControl: controls.map((key) => {
        const { medianMs, p95Ms } = stats(all.map((s) => s.perControl[key] ?? null));
        const { medianMs: floorMedianMs } = stats((floor.get(name) ?? []).map((s) => s.perControl[key] ?? null));
        return { key, medianMs, p95Ms, floorMedianMs };
      }),
      floor: stats((floor.get(name) ?? []).map((s) => s.ms)),
    };
  });
}
