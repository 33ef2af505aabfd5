// The guide itself: it never takes the page's clicks, follows scrolling, keeps clear of the fields it asks the
// user to check, rings in colours that stand out on the console, names the button in the console's language,
// answers Esc only from inside, comes back on the popup's request, keeps still with reduced motion, passes
// axe-core's WCAG 2.2 A/AA rules in every state, and cannot be read, rewritten or pressed by the page.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleCreateHash } from '../../src/core/console-routes';
import { STEPS } from '../../src/core/flow';
import { buildTrustPolicy } from '../../src/core/trust-policy';
import type { ConfigPatch } from '../replica/state';
import { armConsoleTab } from './armed-support';
import { IAM, pressOnToPolicyExists, primaryButton, startLink, storedLink } from './aws-support';
import { axeGuide, expectHighlightOn, guideBox, guideButton, guideCallout, guideRows, guideState, guideTitle, inGuide } from './guide-support';
import { launch, type Harness } from './harness';

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: object): Promise<unknown> } };

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

const PREFILL = roleCreateHash({ trustedAccountId: '689684103426', externalId: 'moby', roleName: 'dockercloud-role' });
const POLICY_ARN = 'arn:aws:iam::123456789012:policy/dockercloud-policy';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/dockercloud-role';

async function onTrustedEntity(patch: ConfigPatch = {}, page: Page = h.page) {
  await startLink(h, { done: ['policyCreated'] }, patch);
  h.server.state.policies.push({ name: 'dockercloud-policy', arn: POLICY_ARN, description: '', document: '{}' });
  await page.goto(`${IAM}${PREFILL}`);
  await expect.poll(() => guideState(page), { timeout: 15_000 }).toBe('shown');
}

/** A role page for a role that requires MFA: the verdict is that Docker Cloud cannot use it. */
async function onRoleWithMfa(page: Page) {
  // The extension arms the tab it opens: this page's, not the harness's own.
  await startLink(h, { done: ['policyCreated', 'roleCreated'], armed: false });
  await armConsoleTab(h, 'moby', page);
  h.server.state.policies.push({ name: 'dockercloud-policy', arn: POLICY_ARN, description: '', document: '{}' });
  h.server.state.roles.push({ name: 'dockercloud-role', arn: ROLE_ARN, description: '', trustPolicy: buildTrustPolicy({ externalId: 'moby', requireMfa: true }), attachedPolicyArns: [POLICY_ARN] });
  await page.goto(`${IAM}#/roles/details/dockercloud-role`);
  await expect.poll(() => guideTitle(page).textContent(), { timeout: 15_000 }).toContain('cannot be used');
}

/** The policy review step when a policy of that name exists: the callout offers "Use the existing policy". */
async function onPolicyExists(page: Page) {
  await startLink(h, { armed: false });
  await armConsoleTab(h, 'moby', page);
  h.server.state.policies.push({ name: 'dockercloud-policy', arn: POLICY_ARN, description: '', document: '{}' });
  await pressOnToPolicyExists(page);
}

const expectAccessible = async (page: Page = h.page) => expect(await axeGuide(page)).toEqual([]);

type Rect = { x: number; y: number; width: number; height: number };
const intersects = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('guide', () => {
  it('never intercepts the page: the highlighted control and what lies under the callout get the clicks', async () => {
    await onTrustedEntity();
    await primaryButton(h.page).scrollIntoViewIfNeeded();
    await expectHighlightOn(h.page, primaryButton(h.page));
    const callout = await guideBox(h.page, '.callout');
    expect(callout).not.toBeNull();
    const hits = await h.page.evaluate((c) => {
      const next = document.querySelector('button[class*="awsui_primary-button_1xupv_"]')?.getBoundingClientRect();
      return {
        onNext: next ? document.elementFromPoint(next.x + next.width / 2, next.y + next.height / 2)?.closest('button')?.className.includes('primary-button') : false,
        underCallout: document.elementFromPoint(c.x + 20, c.y + 20)?.id ?? null,
      };
    }, callout as Rect);
    expect(hits.onNext).toBe(true);
    expect(hits.underCallout).not.toBe('dockercloud-aws-link-guide');
  });

  it('follows the highlighted control when the page scrolls', async () => {
    await onTrustedEntity();
    await h.page.setViewportSize({ width: 1280, height: 500 });
    await h.page.mouse.wheel(0, 300);
    await expectHighlightOn(h.page, primaryButton(h.page));
    await h.page.setViewportSize({ width: 1280, height: 900 });
  });

  it('goes once the highlighted control is pressed', async () => {
    await onTrustedEntity();
    const seen: (string | null)[] = [];
    await h.page.exposeFunction('recordGuideState', (s: string | null) => seen.push(s));
    await h.page.evaluate(() => {
      const host = document.getElementById('dockercloud-aws-link-guide');
      document.addEventListener('click', () => (window as unknown as { recordGuideState(s: string | null): void }).recordGuideState(host?.dataset.state ?? null));
    });
    await primaryButton(h.page).click();
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    expect(seen[0]).toBe('hidden');
  });

  it('keeps still with reduced motion', async () => {
    await h.page.emulateMedia({ reducedMotion: 'reduce' });
    await onTrustedEntity();
    const animation = await inGuide(h.page, function (this: ShadowRoot) {
      const ring = this.querySelector('.ring');
      return ring ? getComputedStyle(ring).animationName : null;
    });
    expect(animation).toBe('none');
    await h.page.emulateMedia({ reducedMotion: 'no-preference' });
  });
});

describe('the callout keeps clear of the fields it asks the user to check', () => {
  const fields = (page: Page): Locator[] => [
    page.getByRole('radio', { name: 'Another AWS account' }),
    page.getByLabel('Account ID', { exact: true }),
    page.getByText('Identifier of the account that can use this role'),
    page.getByText('Require external ID (Best practice'),
    page.getByLabel('External ID', { exact: true }),
    page.getByText('You can increase the security of your role'),
    page.getByText('Require MFA', { exact: true }),
    page.getByText('Requires that the assuming entity use multi-factor authentication.'),
  ];

  it.each([
    { width: 1280, height: 900 },
    { width: 1280, height: 720 },
    { width: 1100, height: 640 },
  ])('on the trusted-entity step at %o, scrolled to Next', async (viewport) => {
    await h.page.setViewportSize(viewport);
    await onTrustedEntity();
    await primaryButton(h.page).scrollIntoViewIfNeeded();
    await expectHighlightOn(h.page, primaryButton(h.page));
    const check = async () => {
      const callout = await guideBox(h.page, '.callout');
      const ring = await guideBox(h.page, '.ring');
      if (!callout || !ring) return 'no callout';
      if (intersects(callout, ring)) return 'covers the ring';
      if (callout.x < 0 || callout.y < 0 || callout.x + callout.width > viewport.width || callout.y + callout.height > viewport.height) return 'off screen';
      for (const field of fields(h.page)) {
        const box = await field.boundingBox();
        if (box && intersects(callout, box)) return `covers ${await field.evaluate((e) => e.textContent || (e as HTMLInputElement).value || e.outerHTML.slice(0, 60))}`;
      }
      return 'clear';
    };
    // The callout settles a frame after layout changes; it must end up clear, and stay so.
    await expect.poll(check).toBe('clear').finally(() => h.page.screenshot({ path: `/tmp/aws-guide-clear-${viewport.width}x${viewport.height}.png` }));
    await h.page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('the ring stands out on the console', () => {
  type Rgb = [number, number, number];
  const parse = (css: string): Rgb[] => [...css.matchAll(/rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)/g)].filter((m) => m[4] === undefined || Number(m[4]) === 1).map((m) => [Number(m[1]), Number(m[2]), Number(m[3])]);
  const luminance = ([r, g, b]: Rgb) => {
    const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const contrast = (a: Rgb, b: Rgb) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  /** The colour behind an element: its own background, or the nearest opaque one around it. */
  const backgroundOf = (target: Locator) =>
    target.evaluate((el) => {
      for (let node: Element | null = el; node; node = node.parentElement) {
        const bg = getComputedStyle(node).backgroundColor;
        if (!/rgba\(.*,\s*0\)|transparent/.test(bg)) return bg;
      }
      return 'rgb(255, 255, 255)';
    });

  it('is two-tone, and one tone has 3:1 or more against white, the blue primary button, the green flash bar and dark mode', async () => {
    await onTrustedEntity();
    const primary = await backgroundOf(primaryButton(h.page));
    const page = await backgroundOf(h.page.getByLabel('Account ID', { exact: true }).locator('xpath=ancestor::form[1]').or(h.page.locator('main')).first());
    await primaryButton(h.page).click();
    await expect.poll(() => guideTitle(h.page).textContent()).toContain('name the role');
    await primaryButton(h.page).click();
    await expect.poll(() => guideTitle(h.page).textContent()).toContain('Press «Create role»');
    await expectHighlightOn(h.page, primaryButton(h.page));
    // The green flash bar of "Role dockercloud-role created." with its View role button: the extension takes the tab
    // on to the role's page as soon as it sees the flash, so the page itself notes the flash's colour when it appears.
    await h.page.evaluate(() => {
      const w = window as unknown as { flashColour?: string | null };
      const note = () => {
        const view = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'View role');
        if (!view || w.flashColour !== undefined) return;
        // The flash's own colour: the first opaque background above the button's.
        w.flashColour = null;
        for (let node: Element | null = view.parentElement; node; node = node.parentElement) {
          if (node.closest('button') === view) continue;
          const bg = getComputedStyle(node).backgroundColor;
          if (/rgba\(.*,\s*0\)|transparent/.test(bg)) continue;
          w.flashColour = bg;
          return;
        }
      };
      new MutationObserver(note).observe(document.body, { childList: true, subtree: true });
    });
    const ringColours = await inGuide(h.page, function (this: ShadowRoot) {
      const style = getComputedStyle(this.querySelector('.ring') as Element);
      return `${style.borderTopColor} ${style.boxShadow}`;
    });
    await expectAccessible();
    await primaryButton(h.page).click();
    await expect.poll(() => h.page.evaluate(() => (window as unknown as { flashColour?: string | null }).flashColour)).toBeTypeOf('string');
    const flash = await h.page.evaluate(() => (window as unknown as { flashColour?: string | null }).flashColour ?? null);
    // Then the role's page, where the guide goes on.
    await h.page.waitForURL(/#\/roles\/details\/dockercloud-role/);
    const tones = [...new Map(parse(ringColours ?? '').map((c) => [c.join(), c])).values()];
    expect(tones.length).toBe(2);
    const [a, b] = tones as [Rgb, Rgb];
    expect(contrast(a, b)).toBeGreaterThanOrEqual(3);
    const backgrounds: Record<string, Rgb> = {
      'the page': parse(page)[0] as Rgb,
      'the primary button': parse(primary)[0] as Rgb,
      'the flash bar': parse(flash ?? '')[0] as Rgb,
      // Cloudscape's dark-mode layout background (the replica has no dark mode).
      'dark mode': [15, 20, 26],
    };
    // The replica uses Cloudscape's own colours: blue button, green flash.
    expect(backgrounds['the primary button']).toEqual([0, 108, 224]);
    expect(backgrounds['the flash bar']).toEqual([0, 128, 47]);
    const best = Object.fromEntries(Object.entries(backgrounds).map(([name, bg]) => [name, Math.max(contrast(a, bg), contrast(b, bg))]));
    for (const [name, ratio] of Object.entries(best)) expect(ratio, name).toBeGreaterThanOrEqual(3);
  });
});

describe('naming the button in the console language', () => {
  it.each([
    ['de', 'Press «Weiter»'],
    ['ja', 'Press «次へ»'],
  ] as const)('on a console in %s, quotes its button', async (locale, press) => {
    await onTrustedEntity({ aws: { locale } });
    await expect.poll(() => guideTitle(h.page).textContent()).toContain(press);
    const step = await inGuide(h.page, function (this: ShadowRoot) {
      return this.querySelector('.callout .step')?.textContent ?? null;
    });
    // Counted as the popup's checklist counts.
    expect(step).toMatch(new RegExp(`^Step [1-${STEPS.length}] of ${STEPS.length}$`));
    await expectAccessible();
  });
});

describe('Esc and showing the guide again', () => {
  it('Esc elsewhere on the console leaves the guide; Esc inside dismisses it and focus goes to the ringed control; the popup shows it again', async () => {
    await onTrustedEntity();
    await h.page.getByLabel('Account ID', { exact: true }).focus();
    await h.page.keyboard.press('Escape');
    expect(await guideState(h.page)).toBe('shown');

    await inGuide(h.page, function (this: ShadowRoot) {
      (this.querySelector('button.quiet') as HTMLButtonElement).focus();
    });
    await h.page.keyboard.press('Escape');
    expect(await guideState(h.page)).toBe('hidden');
    expect(await guideCallout(h.page).isHidden()).toBe(true);
    expect(await primaryButton(h.page).evaluate((b) => b === document.activeElement)).toBe(true);

    // What the popup sends to the console's tab when it opens (by click or keyboard shortcut).
    const sw = await h.serviceWorker();
    await sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://console.aws.amazon.com/iam/*' });
      if (tab?.id !== undefined) await chrome.tabs.sendMessage(tab.id, { kind: 'showGuide' }).catch(() => undefined);
    });
    await expect.poll(() => guideState(h.page)).toBe('shown');
    await expectHighlightOn(h.page, primaryButton(h.page));
    expect(await guideTitle(h.page).textContent()).toContain("Press «Next» Then you choose the role's permissions.");
  });

  it('the text is a status region without the buttons', async () => {
    await onPolicyExists(h.page);
    const roles = await inGuide(h.page, function (this: ShadowRoot) {
      const status = this.querySelector('[role="status"]');
      return { statusText: status?.textContent ?? null, buttonsInStatus: status?.querySelectorAll('button').length ?? -1, buttons: this.querySelectorAll('button').length };
    });
    expect(roles?.statusText).toContain('already exists');
    expect(roles?.buttonsInStatus).toBe(0);
    expect(roles?.buttons).toBe(2);
    await expectAccessible();
  });
});

describe('axe-core finds nothing in the other states', () => {
  it('a verdict with problems', async () => {
    await onRoleWithMfa(h.page);
    await expectAccessible();
  });

  it('values to copy', async () => {
    await onTrustedEntity({ aws: { drift: { removeField: 'externalId' } } });
    expect(await guideRows(h.page, 'copy')).toEqual({ 'External ID': 'moby' });
    await expectAccessible();
  });
});

describe('the page cannot rewrite or press the guide', () => {
  // A hostile console page: at document start it patches attachShadow to force open roots, then keeps trying
  // to reach the guide, rewrite every text in it, press every button and send it Esc and clicks.
  const FORGER = () => {
    const w = window as unknown as { forger: { roots: ShadowRoot[]; tries: number; reached: number } };
    w.forger = { roots: [], tries: 0, reached: 0 };
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      const root = attach.call(this, { ...init, mode: 'open' });
      w.forger.roots.push(root);
      return root;
    };
    setInterval(() => {
      const host = document.getElementById('dockercloud-aws-link-guide');
      if (!host) return;
      w.forger.tries++;
      const roots = [host.shadowRoot, ...w.forger.roots.filter((r) => r.host === host)].filter((r): r is ShadowRoot => r !== null);
      w.forger.reached = Math.max(w.forger.reached, roots.length);
      for (const root of roots) {
        for (const node of root.querySelectorAll('*')) if (node.children.length === 0) node.textContent = 'dockercloud-role is ready to link';
        for (const button of root.querySelectorAll('button')) button.click();
      }
      for (const button of document.querySelectorAll('button')) if (button.closest('#dockercloud-aws-link-guide')) button.click();
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      host.style.setProperty('display', 'block');
    }, 20);
  };

  it("keeps the verdict's words and its buttons out of the page's reach", async () => {
    const page = await h.context.newPage();
    try {
      await page.addInitScript(FORGER);
      await onRoleWithMfa(page);
      // Many attempts while the verdict is up.
      await expect.poll(() => page.evaluate(() => (window as unknown as { forger: { tries: number } }).forger.tries)).toBeGreaterThan(20);
      expect(await page.evaluate(() => (window as unknown as { forger: { reached: number } }).forger.reached)).toBe(0);
      expect(await page.evaluate(() => document.getElementById('dockercloud-aws-link-guide')?.shadowRoot ?? null)).toBeNull();
      const text = await guideCallout(page).textContent();
      expect(text).toContain('dockercloud-role cannot be used by Docker Cloud yet');
      expect(text).toContain('The role requires MFA');
      expect(text).not.toContain('is ready to link');
      expect(await guideState(page)).toBe('shown');
      expect((await storedLink(h)).done.roleVerified).toBeUndefined();
    } finally {
      await page.close();
    }
  });

  it('"Use the existing policy" runs only when the user presses it', async () => {
    const page = await h.context.newPage();
    try {
      await page.addInitScript(FORGER);
      await onPolicyExists(page);
      const tries = await page.evaluate(() => (window as unknown as { forger: { tries: number } }).forger.tries);
      await expect.poll(() => page.evaluate(() => (window as unknown as { forger: { tries: number } }).forger.tries)).toBeGreaterThan(tries + 20);
      expect(page.url()).toContain('#/policies/create');
      expect((await storedLink(h)).done.policyCreated).toBeUndefined();
      expect(await guideState(page)).toBe('shown');
      expect(await guideTitle(page).textContent()).toContain('already exists');
      // The user's own press works.
      await guideButton(page, 'Use the existing policy').click();
      await page.waitForURL(/#\/roles\/create\?step=selectEntities/);
      await expect.poll(async () => (await storedLink(h)).done.policyCreated).toBeTypeOf('number');
    } finally {
      await page.close();
    }
  });
});
