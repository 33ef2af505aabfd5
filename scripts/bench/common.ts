// What the benchmark's parts share: statistics, and a link in progress put in the extension's storage the
// way the popup's "Save" leaves it (the background computes the console pages' plan from it).
import type { Page } from 'playwright-core';
import type { Harness } from '../../test/e2e/harness';
import type { StepId } from '../../src/core/flow';
import { armConsoleTab } from '../../test/e2e/armed-support';
import { linkState, seed, settings } from '../../test/e2e/popup-support';

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least q of the samples at or below it.
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
}
export const median = (values: number[]) => quantile(values, 0.5);
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Stores a link for `namespace` with `done` steps complete (or no link at all for `null`). */
export async function seedLink(h: Harness, namespace: string | null, done: StepId[] = [], page: Page = h.page): Promise<void> {
  const now = Date.now();
  const link = { settings: settings(namespace ?? ''), done: Object.fromEntries(done.map((s) => [s, now])), capturedRoleArn: null, problems: {} };
  await seed(h, namespace === null ? undefined : linkState({ [namespace]: link }));
  // The console pages fill only in a tab the extension opened for the link's next step: arm the one measured.
  if (namespace !== null) await armConsoleTab(h, namespace, page);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
