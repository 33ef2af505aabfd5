// Proves the harness and the manifest's match patterns: the IAM content script runs on IAM pages
// of the global and regional console hosts, and nowhere else on the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AWS_CONSOLE, AWS_CONSOLE_REGIONAL, DOCKER_CLOUD, launch, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

const marker = () => h.page.evaluate(() => document.documentElement.dataset.dockercloudAwsLink ?? null);

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
    await h.page.waitForLoadState('load');
    await h.page.waitForTimeout(500);
    expect(await marker()).toBeNull();
  });

  it('runs the Docker Cloud content script on cloud.docker.com', async () => {
    await h.page.goto(`${DOCKER_CLOUD}/`);
    await expect.poll(marker).toBe('docker');
  });
});
