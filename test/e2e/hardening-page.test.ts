// Untrusted page text: a role page showing an ARN for another role or a second, forged ARN; HTML and script
// in a trust policy and in Docker Cloud's error text. Nothing is captured that is not this role's one ARN,
// and page text is always shown as text: no element created from it, no script run.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCKERCLOUD_POLICY, role, trustPolicy } from '../replica/docker/fixtures';
import { armConsoleTab } from './armed-support';
import { guideCallout, guideTitle, IAM, startLink, storedLink } from './aws-support';
import type { ConfigPatch } from '../replica/state';
import { inGuide } from './guide-support';
import { prepare, sendToDockerCloud, settled, toastText } from './docker-support';
import { launch, type Harness } from './harness';

declare const chrome: { storage: Record<'local' | 'session', { get(key: null): Promise<Record<string, unknown>> }> };

let h: Harness;
beforeAll(async () => {
  h = await launch();
  h.context.setDefaultTimeout(15_000);
});
afterAll(async () => h?.close());

/** Everything stored but the background's bookkeeping of console tabs (which asked for a plan, which are armed). */
async function snapshot(): Promise<string> {
  const sw = await h.serviceWorker();
  return sw.evaluate(async () => {
    const session = await chrome.storage.session.get(null);
    delete session.planTabs;
    delete session.armedTabs;
    return JSON.stringify([await chrome.storage.local.get(null), session]);
  });
}

const HTML = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

/** Elements made from the injected markup anywhere, shadow roots included, and whether its script ran. */
const injected = async (page: Page) => {
  const inPage = await page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    const elements = roots.flatMap((r) => [...r.querySelectorAll('img[onerror], script:not([src]):not([type])')].filter((s) => (s.textContent ?? '').includes('__pwned') || s.hasAttribute('onerror')));
    return { elements: elements.length, pwned: (window as unknown as { __pwned?: number }).__pwned ?? null };
  });
  // The guide's root is closed: read through DevTools.
  const inTheGuide = await inGuide(page, function (this: ShadowRoot) {
    return [...this.querySelectorAll('img[onerror], script:not([src]):not([type])')].filter((s) => (s.textContent ?? '').includes('__pwned') || s.hasAttribute('onerror')).length;
  });
  return { elements: inPage.elements + (inTheGuide ?? 0), pwned: inPage.pwned };
};

const ARN = 'arn:aws:iam::123456789012:role/dockercloud-role';

/** In the page: puts a forged ARN for the same role name into the console's main content as soon as it exists. */
function forgeInMain() {
  if (!location.hash.includes('roles/details')) return;
  new MutationObserver((_, observer) => {
    const main = document.querySelector('main');
    if (!main) return;
    observer.disconnect();
    const fake = document.createElement('div');
    fake.textContent = 'Copy this: arn:aws:iam::999999999999:role/dockercloud-role';
    main.append(fake);
  }).observe(document, { childList: true, subtree: true });
}

async function rolePage(patch: Partial<ReturnType<typeof role>>, init?: (page: Page) => Promise<unknown>, config: ConfigPatch = {}) {
  await startLink(h, { done: ['policyCreated', 'roleCreated'] }, config);
  h.server.state.policies.push(DOCKERCLOUD_POLICY);
  h.server.state.roles.push({ ...role('dockercloud-role', { externalId: 'moby' }), ...patch });
  const page = await h.context.newPage();
  await init?.(page);
  await armConsoleTab(h, 'moby', page);
  return page;
}

const verdict = async (page: Page) => {
  await page.goto(`${IAM}#/roles/details/dockercloud-role`);
  await expect.poll(() => guideTitle(page).textContent(), { timeout: 20_000 }).toMatch(/ready to link|cannot be used|Role ARN|not find|could not/i);
  return (await guideCallout(page).textContent()) ?? '';
};

describe('an ARN that is not this role\'s', () => {
  it('a Summary showing the ARN of another role name: nothing captured, the user told the ARN was not found', async () => {
    const page = await rolePage({ arn: 'arn:aws:iam::123456789012:role/someone-else' });
    const before = await snapshot();
    const text = await verdict(page);
    expect(text).toContain('The Role ARN could not be read on this page');
    expect(text).not.toContain('someone-else');
    expect(await snapshot()).toBe(before);
    await page.screenshot({ path: '/tmp/hardening-arn-other-role.png' });
    await page.close();
  });

  it('a second, forged ARN for the same role name in the page\'s content: ambiguous, nothing captured', async () => {
    const page = await rolePage({}, (p) => p.addInitScript(forgeInMain));
    const before = await snapshot();
    const text = await verdict(page);
    expect(text).toContain('The Role ARN could not be read on this page');
    expect(text).not.toContain('999999999999');
    expect(await snapshot()).toBe(before);
    await page.close();
  });

  it('a forged ARN shown while the role is still loading, the Summary later: ambiguous once the page is in, nothing captured', async () => {
    // The forged copy is the only ARN on the page for the whole time the role loads (0.6 s): read then, it
    // would be this role's one ARN.
    const page = await rolePage({}, (p) => p.addInitScript(forgeInMain), { aws: { renderDelayMs: 600 } });
    const before = await snapshot();
    const text = await verdict(page);
    expect(text).toContain('The Role ARN could not be read on this page');
    expect(await snapshot()).toBe(before);
    await page.close();
  });

  it('a forged ARN that appears after the Summary\'s, when the trust relationship is shown: nothing captured', async () => {
    const page = await rolePage({}, (p) =>
      p.addInitScript(() => {
        if (!location.hash.includes('roles/details')) return;
        // The extension has read the Summary's ARN by the time it opens the trust relationship's tab.
        new MutationObserver((_, observer) => {
          if (!document.querySelector('main')?.textContent?.includes('"Statement"')) return;
          observer.disconnect();
          const fake = document.createElement('div');
          fake.textContent = 'Copy this: arn:aws:iam::999999999999:role/dockercloud-role';
          document.querySelector('main')?.append(fake);
        }).observe(document, { childList: true, subtree: true, characterData: true });
      }),
    );
    const before = await snapshot();
    const text = await verdict(page);
    expect(text).toContain('The Role ARN could not be read on this page');
    expect(await snapshot()).toBe(before);
    await page.close();
  });

  it('an ARN for the same role name outside the console\'s main content (its header) is never taken', async () => {
    const page = await rolePage({}, (p) =>
      p.addInitScript(() => {
        if (!location.hash.includes('roles/details')) return;
        // Shown in the global header beside the rendered console, as a recently visited item would be.
        new MutationObserver((_, observer) => {
          if (!document.querySelector('main, [role="main"]')) return;
          observer.disconnect();
          const header = document.createElement('header');
          header.setAttribute('role', 'banner');
          header.textContent = 'Recently visited: arn:aws:iam::999999999999:role/dockercloud-role';
          document.body.prepend(header);
        }).observe(document, { childList: true, subtree: true });
      }),
    );
    expect(await verdict(page)).toContain('dockercloud-role is ready to link');
    expect((await storedLink(h)).capturedRoleArn).toBe(ARN);
    await page.close();
  });

  it('the right ARN is captured and verified when it is the only one (control)', async () => {
    const page = await rolePage({});
    expect(await verdict(page)).toContain('dockercloud-role is ready to link');
    expect((await storedLink(h)).capturedRoleArn).toBe(ARN);
    await page.close();
  });
});

describe('HTML and script in page text are shown as text', () => {
  it('in a trust policy\'s External ID: the guide and the popup show the markup as text, no element, no script', async () => {
    const page = await rolePage({ trustPolicy: trustPolicy({ externalId: HTML }) });
    const text = await verdict(page);
    expect(text).toContain('cannot be used by Docker Cloud yet');
    expect(text).toContain('<img src=x onerror=');
    expect(await injected(page)).toEqual({ elements: 0, pwned: null });
    const link = await storedLink(h);
    expect(link.done.roleVerified).toBeUndefined();
    expect(JSON.stringify(link.problems)).toContain('<img src=x');

    const popup = await h.openPopup();
    await expect.poll(() => popup.locator('body').innerText()).toContain('<img src=x onerror=');
    expect(await injected(popup)).toEqual({ elements: 0, pwned: null });
    await popup.screenshot({ path: '/tmp/hardening-html-popup.png' });
    await popup.close();
    await page.close();
  });

  it('in Docker Cloud\'s error text: the toast and the popup show it as text, no element, no script, not linked', async () => {
    await prepare(h, 'moby', 'dockercloud-role');
    const error = `Invalid role ${HTML}`;
    await h.context.route('**/api/infra/v1/*/provider/aws/credential/', (route) =>
      route.request().method() === 'POST' ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error }) }) : route.fallback(),
    );
    try {
      await sendToDockerCloud(h, 'moby');
      const { state } = await settled(h);
      expect(h.server.state.dockerLinks).toEqual({});
      expect(state.links.moby?.done.linkConfirmed).toBeUndefined();
      expect(JSON.stringify(state.links.moby?.problems.linkConfirmed)).toContain('<img src=x');
      await expect.poll(() => toastText(h.page)).toContain('<img src=x onerror=');
      expect(await injected(h.page)).toEqual({ elements: 0, pwned: null });

      const popup = await h.openPopup();
      await expect.poll(() => popup.locator('body').innerText()).toContain('<img src=x onerror=');
      expect(await injected(popup)).toEqual({ elements: 0, pwned: null });
      await popup.close();
    } finally {
      await h.context.unrouteAll();
    }
  });
});
