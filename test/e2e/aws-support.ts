// Shared by the IAM console browser tests: a link in progress in storage (the background computes the plan
// from it), and what the guide shows, read from its shadow root.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PolicyChoice } from '../../src/core/policy';
import type { StoredState } from '../../src/core/schemas';
import type { StepId } from '../../src/core/flow';
import type { ConfigPatch } from '../replica/state';
import { AWS_CONSOLE, type Harness } from './harness';
import { linkState, settings } from './popup-support';

declare const chrome: {
  storage: Record<'local', { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> }>;
};

export const IAM = `${AWS_CONSOLE}/iam/home`;

/** The guide's "filled" rows on the trusted-entity step for namespace moby, in the order shown. */
export const TRUSTED_ENTITY_FILLED: Record<string, string> = {
  'Trusted entity': 'AWS account → Another AWS account',
  'Account ID': '689684103426',
  'Require external ID': 'ticked',
  'External ID': 'moby',
  'Require MFA': 'not ticked',
};

export interface LinkSetup {
  namespace?: string;
  roleName?: string;
  policy?: PolicyChoice;
  done?: StepId[];
  capturedRoleArn?: string | null;
}

/** A fresh replica and a link in progress for `namespace` (moby by default), active. */
export async function startLink(h: Harness, setup: LinkSetup = {}, patch: ConfigPatch = {}): Promise<void> {
  h.server.reset(patch);
  // A fresh document each time: a goto that only changes the hash would keep the previous visit's page.
  await h.page.goto('about:blank');
  const namespace = setup.namespace ?? 'moby';
  const roleName = setup.roleName ?? 'dockercloud-role';
  const now = Date.now();
  const state = linkState({
    [namespace]: {
      settings: settings(namespace, roleName, roleName !== 'dockercloud-role', setup.policy),
      done: Object.fromEntries((setup.done ?? []).map((s) => [s, now])),
      capturedRoleArn: setup.capturedRoleArn ?? null,
      problems: {},
    },
  });
  const sw = await h.serviceWorker();
  await sw.evaluate((s) => chrome.storage.local.set({ state: s }), state);
}

export async function storedLink(h: Harness, namespace = 'moby') {
  const sw = await h.serviceWorker();
  const { state } = (await sw.evaluate(() => chrome.storage.local.get('state'))) as { state: StoredState };
  const link = state.links[namespace];
  if (!link) throw new Error(`no link for ${namespace}`);
  return link;
}

const GUIDE = '#dockercloud-aws-link-guide';

export const guideTitle = (page: Page) => page.locator(`${GUIDE} .callout .title`);
export const guideCallout = (page: Page) => page.locator(`${GUIDE} .callout`);

/** The callout's "filled" and "copy" rows as label → value. */
export async function guideRows(page: Page, kind: 'filled' | 'copy'): Promise<Record<string, string>> {
  return page.evaluate(
    ({ id, kind }) => {
      const root = document.getElementById(id)?.shadowRoot;
      const rows = [...(root?.querySelectorAll(`.callout .${kind} .row`) ?? [])];
      return Object.fromEntries(rows.map((r) => [r.querySelector('.label')?.textContent?.replace(/:$/, '') ?? '', r.querySelector('code')?.textContent ?? '']));
    },
    { id: GUIDE.slice(1), kind },
  );
}

/** Waits until the guide's ring surrounds `target` (the control the user should press next). */
export async function expectHighlightOn(page: Page, target: Locator): Promise<void> {
  await expect
    .poll(async () => {
      const box = await target.boundingBox();
      const ring = await page.locator(`${GUIDE} .ring`).evaluate((el) => {
        if ((el as HTMLElement).hidden) return null;
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      });
      if (!box || !ring) return false;
      return ring.x <= box.x && ring.y <= box.y && ring.x + ring.width >= box.x + box.width - 1 && ring.y + ring.height >= box.y + box.height - 1 && ring.width - box.width < 12;
    }, { timeout: 10_000 })
    .toBe(true);
}

/** The text of the policy editor, read from Ace in the page's world (what the console would submit). */
export const aceValue = (page: Page) =>
  page.evaluate(() => (document.querySelector('.ace_editor') as unknown as { env: { editor: { getValue(): string } } }).env.editor.getValue());

/** The wizard's primary button (Next / Create …): Cloudscape's class, stable across console builds. */
export const PRIMARY_BUTTON = 'button[class*="awsui_primary-button_1xupv_"]';
export const primaryButton = (page: Page) => page.locator(PRIMARY_BUTTON);
