// Proves the harness and the manifest's match patterns: the IAM content script runs on IAM pages
// of the global and regional console hosts, and nowhere else on the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_CONSOLE, AWS_CONSOLE_REGIONAL, contentScriptWorlds, DOCKER_CLOUD, launch, pastContentScriptInjection, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

/**
 * Which content script runs in the page, as the browser's DevTools see it (the extension leaves no mark on
 * the page). The extension's isolated world may outlive a same-origin navigation, so the IAM script is known by
 * the message listener it registers at start (plan changes); Docker Cloud's by its world on a fresh origin.
 */
async function contentScript(): Promise<'iam' | 'docker' | null> {
  const worlds = await contentScriptWorlds(h, h.page);
  try {
    const [ours] = worlds.ids;
    if (ours === undefined) return null;
    if (new URL(h.page.url()).hostname === 'cloud.docker.com') return 'docker';
    const { value } = await worlds.evaluate(ours, 'chrome.runtime.onMessage.hasListeners()');
    return value === true ? 'iam' : null;
  } finally {
    await worlds.detach();
  }
}
const marker = contentScript;

describe('browser harness', () => {
  it('loads the extension with its service worker and popup', async () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    const popup = await h.openPopup();
    await expect.poll(() => popup.title()).not.toBe('');
    await popup.close();
  });

  it.each([`${AWS_CONSOLE}/iam/home`, `${AWS_CONSOLE_REGIONAL}/iam/home?region=us-east-1#/roles`])(
    'runs the IAM content script on %s',
    async (url) => {
      await h.page.goto(url);
      await expect.poll(marker).toBe('iam');
    },
  );

  it('does not run the IAM content script on other console services', async () => {
    await h.page.goto(`${AWS_CONSOLE}/ec2/home`);
    await pastContentScriptInjection(h.page.mainFrame());
    expect(await marker()).toBeNull();
  });

  it('runs the Docker Cloud content script on cloud.docker.com', async () => {
    await h.page.goto(`${DOCKER_CLOUD}/`);
    await expect.poll(marker).toBe('docker');
  });
});
