// The guide itself: it never takes the page's clicks, follows scrolling, goes once its control is pressed,
// is dismissed with Esc, keeps still with reduced motion, and leaves nothing running when no link is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleCreateHash } from '../../src/core/console-routes';
import { expectHighlightOn, guideCallout, guideTitle, IAM, primaryButton, startLink } from './aws-support';
import { launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

const PREFILL = roleCreateHash({ trustedAccountId: '689684103426', externalId: 'moby', roleName: 'dockercloud-role' });

async function onTrustedEntity() {
  await startLink(h, { done: ['policyCreated'] });
  await h.page.goto(`${IAM}${PREFILL}`);
  await expect.poll(() => guideTitle(h.page).textContent(), { timeout: 15_000 }).toContain('choose the role');
}

const guideState = () => h.page.evaluate(() => document.getElementById('dockercloud-aws-link-guide')?.dataset.state ?? null);

describe('guide', () => {
  it('never intercepts the page: the highlighted control and what lies under the callout get the clicks', async () => {
    await onTrustedEntity();
    await primaryButton(h.page).scrollIntoViewIfNeeded();
    await expectHighlightOn(h.page, primaryButton(h.page));
    const hits = await h.page.evaluate(() => {
      const root = document.getElementById('dockercloud-aws-link-guide')?.shadowRoot;
      const callout = root?.querySelector('.callout')?.getBoundingClientRect();
      const next = document.querySelector('button[class*="awsui_primary-button_1xupv_"]')?.getBoundingClientRect();
      const at = (x: number, y: number) => document.elementFromPoint(x, y)?.id ?? document.elementFromPoint(x, y)?.tagName;
      return {
        onNext: next ? document.elementFromPoint(next.x + next.width / 2, next.y + next.height / 2)?.closest('button')?.className.includes('primary-button') : false,
        underCallout: callout ? at(callout.x + 20, callout.y + 20) : null,
      };
    });
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

  it('is dismissed with Esc', async () => {
    await onTrustedEntity();
    expect(await guideState()).toBe('shown');
    await h.page.keyboard.press('Escape');
    expect(await guideState()).toBe('hidden');
    expect(await guideCallout(h.page).isHidden()).toBe(true);
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
    expect(seen[0]).toBe('hidden');
  });

  it('keeps still with reduced motion', async () => {
    await h.page.emulateMedia({ reducedMotion: 'reduce' });
    await onTrustedEntity();
    const animation = await h.page.evaluate(() => {
      const ring = document.getElementById('dockercloud-aws-link-guide')?.shadowRoot?.querySelector('.ring');
      return ring ? getComputedStyle(ring).animationName : null;
    });
    expect(animation).toBe('none');
    await h.page.emulateMedia({ reducedMotion: 'no-preference' });
  });
});
