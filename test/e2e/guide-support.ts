// The guide lives in a closed shadow root that the page's scripts cannot reach. The tests reach it as DevTools
// do: the Chrome DevTools Protocol pierces closed roots (DOM.describeNode with pierce), and a function then runs
// with the root as `this` in the page's world. Buttons are pressed with the real mouse, so a press is trusted.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

export const GUIDE_HOST = 'dockercloud-aws-link-guide';
const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

/**
 * Runs `fn` (a `function`, not an arrow: it gets the root as `this`) in the page's world with the guide's
 * shadow root, and returns its JSON result; null when the page has no guide.
 */
export async function inGuide<T, A = null>(page: Page, fn: (this: ShadowRoot, arg: A) => T | Promise<T>, arg?: A): Promise<T | null> {
  const cdp = await session(page);
  const { result: host } = await cdp.send('Runtime.evaluate', { expression: `document.getElementById(${JSON.stringify(GUIDE_HOST)})` });
  if (!host.objectId) return null;
  try {
    const { node } = await cdp.send('DOM.describeNode', { objectId: host.objectId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) throw new Error('the guide has no shadow root');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) return null;
    const call = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: fn.toString(),
      arguments: [{ value: arg ?? null }],
      returnByValue: true,
      awaitPromise: true,
    });
    await cdp.send('Runtime.releaseObject', { objectId: object.objectId });
    if (call.exceptionDetails) throw new Error(`in the guide: ${call.exceptionDetails.exception?.description ?? call.exceptionDetails.text}`);
    return call.result.value as T;
  } finally {
    await cdp.send('Runtime.releaseObject', { objectId: host.objectId }).catch(() => undefined);
  }
}

type Rect = { x: number; y: number; width: number; height: number };

/** A part of the guide as tests read it: its text and whether it is shown. */
export interface GuidePart {
  textContent(): Promise<string | null>;
  isHidden(): Promise<boolean>;
}

function part(page: Page, selector: string): GuidePart {
  return {
    textContent: () =>
      inGuide(
        page,
        function (this: ShadowRoot, sel: string) {
          const nodes = [...this.querySelectorAll(sel)];
          return nodes.length ? nodes.map((n) => n.textContent ?? '').join(' ') : null;
        },
        selector,
      ),
    isHidden: async () =>
      (await inGuide(
        page,
        function (this: ShadowRoot, sel: string) {
          const node = this.querySelector(sel);
          return !node || (node.closest('[hidden]') !== null);
        },
        selector,
      )) ?? true,
  };
}

/** The callout's heading as the user reads it: what to press ("Press «Next»"), then the page's title. */
export const guideTitle = (page: Page) => part(page, '.callout .press, .callout .title');
export const guideCallout = (page: Page) => part(page, '.callout');

/** The callout's "filled" and "copy" rows as label → value. */
export async function guideRows(page: Page, kind: 'filled' | 'copy'): Promise<Record<string, string>> {
  const rows = await inGuide(
    page,
    function (this: ShadowRoot, k: string) {
      return [...this.querySelectorAll(`.callout .${k} .row`)].map((r) => [r.querySelector('.label')?.textContent?.replace(/:$/, '') ?? '', r.querySelector('code')?.textContent ?? '']);
    },
    kind,
  );
  return Object.fromEntries(rows ?? []);
}

/** The lines of the callout's problem list (what to set by hand, what is wrong). */
export const guideProblems = async (page: Page): Promise<string[]> =>
  (await inGuide(page, function (this: ShadowRoot) {
    return [...this.querySelectorAll('.callout li')].map((li) => li.textContent ?? '');
  })) ?? [];

/** Where a part of the guide is on screen; null when it is hidden or absent. */
export const guideBox = (page: Page, selector: '.ring' | '.callout' | string): Promise<Rect | null> =>
  inGuide(
    page,
    function (this: ShadowRoot, sel: string) {
      const node = this.querySelector(sel);
      if (!node || node.closest('[hidden]')) return null;
      const r = node.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    },
    selector,
  );

/** A button of the callout by its text or accessible name, pressed with the real mouse. */
export function guideButton(page: Page, name: string) {
  const box = () =>
    inGuide(
      page,
      function (this: ShadowRoot, n: string) {
        const button = [...this.querySelectorAll('button')].find((b) => !b.closest('[hidden]') && ((b.textContent ?? '').includes(n) || b.getAttribute('aria-label') === n));
        if (!button) return null;
        const r = button.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      },
      name,
    );
  return {
    box,
    click: async () => {
      await expect.poll(box, { timeout: 10_000 }).not.toBeNull();
      const r = (await box()) as Rect;
      await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    },
  };
}

/** The host's state as the page and the benchmark see it: 'shown', 'hidden', or null without a guide. */
export const guideState = (page: Page) => page.evaluate((id) => document.getElementById(id)?.dataset.state ?? null, GUIDE_HOST);

/** Waits until the guide's ring surrounds `target` (the control the user should press next). */
export async function expectHighlightOn(page: Page, target: Locator): Promise<void> {
  await expect
    .poll(
      async () => {
        const box = await target.boundingBox();
        const ring = await guideBox(page, '.ring');
        if (!box || !ring) return false;
        return ring.x <= box.x && ring.y <= box.y && ring.x + ring.width >= box.x + box.width - 1 && ring.y + ring.height >= box.y + box.height - 1 && ring.width - box.width < 12;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: string[];
}

/**
 * axe-core's WCAG 2.2 A/AA rules over the guide. axe walks open shadow roots only, so the host lends it the
 * closed root for the run (through DevTools, as an inspector would) and takes it back after.
 */
export async function axeGuide(page: Page): Promise<AxeViolation[]> {
  const cdp = await session(page);
  const loaded = await cdp.send('Runtime.evaluate', { expression: 'typeof axe' });
  if (loaded.result.value !== 'object') await cdp.send('Runtime.evaluate', { expression: AXE_SOURCE });
  const violations = await inGuide(page, async function (this: ShadowRoot) {
    const root = this;
    const host = root.host;
    Object.defineProperty(host, 'shadowRoot', { configurable: true, get: () => root });
    try {
      const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: { id: string; impact?: string | null; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
      const result = await axe.run(host, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? null, nodes: v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`) }));
    } finally {
      delete (host as unknown as { shadowRoot?: unknown }).shadowRoot;
    }
  });
  if (violations === null) throw new Error('no guide on the page to check');
  return violations;
}
