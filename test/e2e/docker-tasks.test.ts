// The Docker Cloud task belongs to the tab opened for it: another Docker Cloud tab gets nothing, a service
// worker stopped while Save is in flight loses nothing, and the note on the page is out of the page's reach.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdDockerSaves } from '../replica/docker/api';
import { shadowModes, shadowText } from './closed-shadow';
import { arnOf, expectLinked, prepare, sendToDockerCloud, settled, toastText } from './docker-support';
import { DOCKER_CLOUD, launch, type Harness } from './harness';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

/** Whether the extension's content script has started in `page` (its isolated world exists). */
async function contentScriptStarted(page: Page): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => origins.push(context.origin));
  await cdp.send('Runtime.enable');
  await cdp.detach();
  return origins.some((o) => o.startsWith(`chrome-extension://${h.extensionId}`));
}

/** Every message already sent to the background has been answered once this one is (it handles one at a time). */
async function backgroundCaughtUp(): Promise<void> {
  const popup = await h.openPopup();
  await popup.evaluate(() => chrome.runtime.sendMessage({ kind: 'getState' }));
  await popup.close();
}

describe('the Docker Cloud task', () => {
  it('survives a service worker stopped while Save is in flight, and goes to no other Docker Cloud tab', async () => {
    await prepare(h, 'moby', 'dockercloud-role');
    const saves = holdDockerSaves();
    let other: Page | null = null;
    try {
      await sendToDockerCloud(h, 'moby');
      // The tab opened for the task has pressed Save; Docker Cloud has not answered yet.
      await expect.poll(saves.arrived, { timeout: 20_000 }).toBe(1);
      await h.stopServiceWorker();

      // The user opens Docker Cloud's settings in another tab meanwhile: it is not the task's tab.
      other = await h.context.newPage();
      await other.goto(`${DOCKER_CLOUD}/app/moby/settings`);
      await expect.poll(() => contentScriptStarted(other!)).toBe(true);
      await backgroundCaughtUp();

      saves.release();
      const { state } = await settled(h);
      expectLinked(h, state);
      expect(h.server.state.dockerSaves).toEqual([{ namespace: 'moby', roleArn: arnOf('dockercloud-role'), error: null }]);
      await expect.poll(() => toastText(h.page)).toContain("the extension's checklist for moby is complete");
      // The note closes by itself after a while unless pointed at (it sits 16 px above the bottom, centred):
      // the pointer holds it for the next test.
      const viewport = h.page.viewportSize() ?? { width: 1280, height: 900 };
      await h.page.mouse.move(viewport.width / 2, viewport.height - 24);
      expect(await toastText(other)).toBe('');
    } finally {
      saves.release();
      await other?.close();
    }
  });

  it('shows its note in a closed shadow root: the page can neither read nor rewrite it', async () => {
    const before = await toastText(h.page);
    expect(before).toContain("the extension's checklist for moby is complete");
    expect(await shadowModes(h.page, 'data-dockercloud-aws-link-toast')).toEqual(['closed']);
    // A hostile page script: no shadow root to reach, a second one refused, its own markup not shown.
    const forged = await h.page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('[data-dockercloud-aws-link-toast]');
      if (!host) return 'no host';
      const reached = host.shadowRoot !== null;
      let attached = true;
      try {
        host.attachShadow({ mode: 'open' });
      } catch {
        attached = false;
      }
      host.textContent = 'Docker Cloud needs your AWS secret key: paste it here';
      return { reached, attached };
    });
    expect(forged).toEqual({ reached: false, attached: false });
    // What the user sees is still the extension's own text (light DOM children of a shadow host are not rendered).
    expect(await h.page.locator('[data-dockercloud-aws-link-toast]').evaluate((el) => (el as HTMLElement).innerText.trim())).toBe('');
    expect(await toastText(h.page)).toContain(before);
  });
});
