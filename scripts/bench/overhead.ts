// Page overhead: main-thread time on a console page that mutates thousands of nodes a second, in the same
// browser with the extension loaded and without it, measured in alternating trials of the same run. With
// the extension: no link in progress (the common case), and a link in progress on two pages (the guide
// pointing at "Create policy"; the role page waiting for its ARN, the most watchful moment).
// Besides the A/B difference (noisy on a shared machine), V8's precise coverage counts every call into the
// extension's scripts during the churn: zero calls means no observer, listener or timer of ours ran.
import type { CDPSession, Page } from 'playwright-core';
import { AWS_CONSOLE, type Harness } from '../../test/e2e/harness';
import { median, round, seedLink, sleep } from './common';

export interface OverheadScenario {
  id: string;
  what: string;
  /** Median main-thread busy time (Performance.getMetrics TaskDuration) per frame, ms. */
  taskMsPerFrame: number;
  scriptMsPerFrame: number;
  framesPerSecond: number;
  mutationsPerSecond: number;
  /** Against the baseline's median, %. */
  extraTaskPercent: number | null;
  /** Calls into the extension's content scripts during the churn, per trial (max). */
  extensionCalls: number | null;
  /** The extension's own JavaScript time (CPU profile samples), as % of the page's main-thread time. */
  extensionJsPercent: number | null;
  trials: number;
}

interface Scenario {
  id: string;
  what: string;
  extension: boolean;
  hash: string;
  link: 'none' | 'policyNext' | 'roleNext';
}

const SCENARIOS: Scenario[] = [
  { id: 'baseline', what: 'without the extension', extension: false, hash: '#/policies', link: 'none' },
  { id: 'noLink', what: 'extension, no link in progress', extension: true, hash: '#/policies', link: 'none' },
  { id: 'guideShown', what: 'extension, link in progress: guide on "Create policy"', extension: true, hash: '#/policies', link: 'policyNext' },
  { id: 'awaitingArn', what: 'extension, link in progress: role page waiting for its ARN', extension: true, hash: '#/roles/details/dockercloud-role', link: 'roleNext' },
];

const CHURN_URL = `${AWS_CONSOLE}/iam/home?replica=churn`;

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

interface Coverage {
  result: { url: string; functions: { ranges: { count: number }[] }[] }[];
}

/** Calls into chrome-extension:// scripts since the last take (a function's first range counts its calls). */
async function extensionCalls(cdp: CDPSession): Promise<number> {
  const { result } = (await cdp.send('Profiler.takePreciseCoverage')) as Coverage;
  let calls = 0;
  for (const script of result) {
    if (!script.url.startsWith('chrome-extension://')) continue;
    for (const fn of script.functions) calls += fn.ranges[0]?.count ?? 0;
  }
  return calls;
}

interface Profile {
  nodes: { id: number; callFrame: { url: string; functionName: string } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Sampled time in the extension's scripts and in everything but idle, ms. */
function attribute(profile: Profile): { extensionMs: number; busyMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  let extensionMs = 0;
  let busyMs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 1; i < samples.length; i++) {
    const frame = byId.get(samples[i] ?? -1);
    const ms = (deltas[i] ?? 0) / 1000;
    if (!frame || frame.functionName === '(idle)') continue;
    busyMs += ms;
    if (frame.url.startsWith('chrome-extension://')) extensionMs += ms;
  }
  return { extensionMs, busyMs };
}

interface Trial {
  extensionMs: number;
  busyMs: number;
  taskMs: number;
  scriptMs: number;
  frames: number;
  mutations: number;
  ms: number;
  calls: number | null;
}

async function trial(page: Page, s: Scenario, churnMs: number): Promise<Trial> {
  await page.goto('about:blank');
  await page.goto(`${CHURN_URL}${s.hash}`);
  await page.waitForFunction(() => typeof (window as { __churn?: unknown }).__churn === 'function');
  if (s.link === 'policyNext') {
    // The guide is up (the steady state while the user reads it).
    await page.waitForFunction(() => document.getElementById('dockercloud-aws-link-guide')?.dataset.state === 'shown', null, { timeout: 10_000 });
  } else {
    // Let the content script start (document_idle) and, with a link, ask for its plan.
    await sleep(400);
  }
  const cdp = await page.context().newCDPSession(page);
  // Thread ticks: CPU time of the page's main thread, not wall time a busy neighbour would inflate.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  await extensionCalls(cdp); // resets the counters: only the churn window counts
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const before = await metrics(cdp);
  const stats = await page.evaluate((ms) => (window as unknown as { __churn(ms: number): Promise<{ frames: number; mutations: number; ms: number }> }).__churn(ms), churnMs);
  const after = await metrics(cdp);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const calls = s.extension ? await extensionCalls(cdp) : null;
  await cdp.send('Profiler.stopPreciseCoverage');
  await cdp.detach();
  return {
    taskMs: ((after.TaskDuration ?? 0) - (before.TaskDuration ?? 0)) * 1000,
    scriptMs: ((after.ScriptDuration ?? 0) - (before.ScriptDuration ?? 0)) * 1000,
    ...stats,
    ...attribute(profile),
    calls,
  };
}

export async function measureOverhead(
  harnesses: { base: Harness; ext: Harness },
  opts: { trials: number; churnMs: number },
  log: (line: string) => void = () => undefined,
): Promise<OverheadScenario[]> {
  // Only the measured tab: another page of the same site would share its renderer's main thread.
  for (const h of [harnesses.base, harnesses.ext]) for (const p of h.context.pages()) if (p !== h.page) await p.close();
  const results = new Map<string, Trial[]>(SCENARIOS.map((s) => [s.id, []]));
  for (let i = 0; i < opts.trials; i++) {
    // Alternating, so a neighbour's load on the machine falls on every scenario alike.
    for (const s of SCENARIOS) {
      const h = s.extension ? harnesses.ext : harnesses.base;
      if (s.extension) await seedLink(h, s.link === 'none' ? null : 'moby', s.link === 'roleNext' ? ['policyCreated', 'roleCreated'] : []);
      results.get(s.id)?.push(await trial(h.page, s, opts.churnMs));
    }
    log(`  overhead trial ${i + 1}/${opts.trials}`);
  }
  const perFrame = (t: Trial, key: 'taskMs' | 'scriptMs') => t[key] / Math.max(1, t.frames);
  const baseline = median((results.get('baseline') ?? []).map((t) => perFrame(t, 'taskMs')));
  return SCENARIOS.map((s) => {
    const trials = results.get(s.id) ?? [];
    const task = median(trials.map((t) => perFrame(t, 'taskMs')));
    const calls = trials.map((t) => t.calls).filter((c): c is number => c !== null);
    return {
      id: s.id,
      what: s.what,
      taskMsPerFrame: round(task, 3),
      scriptMsPerFrame: round(median(trials.map((t) => perFrame(t, 'scriptMs'))), 3),
      framesPerSecond: round(median(trials.map((t) => (t.frames * 1000) / t.ms)), 1),
      mutationsPerSecond: Math.round(median(trials.map((t) => (t.mutations * 1000) / t.ms))),
      extraTaskPercent: s.id === 'baseline' ? null : round(((task - baseline) / baseline) * 100, 1),
      extensionCalls: calls.length > 0 ? Math.max(...calls) : null,
      extensionJsPercent: s.extension ? round(median(trials.map((t) => (t.extensionMs / Math.max(1e-9, t.busyMs)) * 100)), 2) : null,
      trials: trials.length,
    };
  });
}
