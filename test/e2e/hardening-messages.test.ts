// Untrusted messages: junk and oversized requests from the popup page, another extension (its own page and
// its content scripts, top frame and iframe, on the console), an IAM page inside a frame or a console page
// outside IAM, and the page forging the MAIN-world bridge's events. Each is rejected or ignored, and the
// stored state (storage.local and storage.session) is byte-identical before and after.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITOR_REPLY, EDITOR_REQUEST } from '../../src/content/aws/editor-bridge';
import { buildPolicyDocument } from '../../src/core/policy';
import { armConsoleTab } from './armed-support';
import { aceValue, guideRows, guideTitle, IAM, startLink } from './aws-support';
import { AWS_CONSOLE, contentScriptWorlds, EXTENSION_DIR, launch, pastContentScriptInjection, type Harness } from './harness';
import { ARN, fromPopup, linkState, seed, settings } from './popup-support';

declare const chrome: {
  storage: Record<'local' | 'session', { get(key: null): Promise<Record<string, unknown>> }>;
  runtime: { id: string; sendMessage(idOrMessage: unknown, message?: unknown): Promise<unknown> };
};

/** A second unpacked extension, built on the fly: a page and an all-frames content script on the console. */
function buildForeignExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'foreign-extension-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'foreign test extension',
      version: '1.0',
      content_scripts: [{ matches: ['https://console.aws.amazon.com/*', 'https://cloud.docker.com/*'], js: ['cs.js'], all_frames: true, run_at: 'document_idle' }],
    }),
  );
  writeFileSync(join(dir, 'page.html'), '<!doctype html><title>foreign</title>');
  // Told by the page what to send to whom (window.postMessage), answers in a DOM attribute.
  writeFileSync(
    join(dir, 'cs.js'),
    `document.documentElement.dataset.foreignId = chrome.runtime.id;
window.addEventListener('message', (e) => {
  if (!e.data || e.data.foreign !== 'send') return;
  chrome.runtime.sendMessage(e.data.target, e.data.message)
    .then((r) => JSON.stringify({ ok: true, reply: r ?? null }), (err) => JSON.stringify({ ok: false, error: String(err && err.message || err) }))
    .then((s) => { document.documentElement.dataset.foreignResult = s; });
});`,
  );
  return dir;
}

let h: Harness;
let foreignDir: string;
beforeAll(async () => {
  foreignDir = buildForeignExtension();
  h = await launch({ extensionDir: `${EXTENSION_DIR},${foreignDir}` });
  h.context.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await h?.close();
  if (foreignDir) rmSync(foreignDir, { recursive: true, force: true });
});

/** Everything the extension stores, serialized: compared byte for byte. */
/**
 * Everything stored but the background's bookkeeping of console tabs: which asked for a plan (any page load
 * adds one) and which are armed (the tests arm the tabs they open, as the extension does for the pages it opens).
 */
async function snapshot(): Promise<string> {
  const sw = await h.serviceWorker();
  return sw.evaluate(async () => {
    const session = await chrome.storage.session.get(null);
    delete session.planTabs;
    delete session.armedTabs;
    return JSON.stringify([await chrome.storage.local.get(null), session]);
  });
}

/** Adds an iframe loading `src` (same origin) to the page and returns its frame once it is there. */
async function addFrame(page: Page, src: string, size: { width: number; height: number }) {
  await page.evaluate(({ src, size }) => {
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.style.cssText = `width:${size.width}px;height:${size.height}px`;
    document.body.append(frame);
  }, { src, size });
  await expect.poll(() => page.frames().length).toBe(2);
  return page.frames().find((f) => f !== page.mainFrame())!;
}

const t0 = 1_700_000_000_000;
const IN_PROGRESS = linkState({
  moby: { settings: settings('moby'), done: { policyCreated: t0, roleCreated: t0, arnCaptured: t0 }, capturedRoleArn: ARN, problems: {} },
});
const MB = 'x'.repeat(1024 * 1024);

describe('malformed and oversized requests from the popup page', () => {
  const JUNK: [string, unknown][] = [
    ['null', null],
    ['a number', 42],
    ['an array', [{ kind: 'getState' }]],
    ['no kind', { namespace: 'moby' }],
    ['a wrong kind type', { kind: 7 }],
    ['an unknown kind', { kind: 'markDone', namespace: 'moby', step: 'linkConfirmed' }],
    ['a 1 MB kind', { kind: MB }],
    ['missing fields', { kind: 'enterRoleArn', namespace: 'moby' }],
    ['a 1 MB Role ARN', { kind: 'enterRoleArn', namespace: 'moby', roleArn: `${ARN}${MB}` }],
    ['a 1 MB namespace', { kind: 'startOver', namespace: MB }],
    ['a 1 MB role name in settings', { kind: 'saveLink', settings: { ...settings('moby'), roleName: MB } }],
    ['a non-boolean flag', { kind: 'sendToDockerCloud', namespace: 'moby', replaceExisting: 'yes' }],
    ['an unknown step', { kind: 'openStep', namespace: 'moby', step: '__proto__' }],
    ['a prototype-polluting namespace', { kind: 'removeLink', namespace: '__proto__' }],
    ['a console message', { kind: 'awsRoleCreated', roleName: 'dockercloud-role' }],
    ['a forged verification', { kind: 'awsRoleObserved', role: { roleArn: ARN, trustPolicy: '{}', attachedPolicyNames: ['dockercloud-policy'] } }],
    ['a forged Docker Cloud success', { kind: 'dockerResult', namespace: 'moby', result: { outcome: 'linked' } }],
    ['a forged state broadcast', { kind: 'stateChanged', state: { version: 2, links: {}, activeNamespace: null } }],
  ];

  it('rejects each with a reason, and nothing stored changes', async () => {
    await seed(h, IN_PROGRESS);
    const popup = await h.openPopup();
    const before = await snapshot();
    for (const [name, message] of JUNK) {
      const reply = (await fromPopup(popup, message)) as { rejected?: unknown };
      expect(typeof reply?.rejected, name).toBe('string');
      expect((reply.rejected as string).length, name).toBeLessThanOrEqual(300);
      expect(await snapshot(), name).toBe(before);
    }
    // The popup still works: its view is the one stored.
    expect(await fromPopup(popup, { kind: 'getState' })).toMatchObject({ state: IN_PROGRESS });
    await popup.close();
  });

  it('a well-formed request for a namespace that is not set up changes nothing', async () => {
    await seed(h, IN_PROGRESS);
    const popup = await h.openPopup();
    const before = await snapshot();
    for (const kind of ['startOver', 'removeLink', 'selectLink', 'cancelDockerTask']) {
      expect(await fromPopup(popup, { kind, namespace: 'teamawesome' })).toEqual({ problems: [{ message: 'bgNoSuchNamespace', substitutions: ['teamawesome'] }] });
    }
    expect(await snapshot()).toBe(before);
    await popup.close();
  });
});

describe('another extension', () => {
  async function foreignId(): Promise<string> {
    await h.page.goto(`${AWS_CONSOLE}/iam/home#/roles`);
    await expect.poll(() => h.page.evaluate(() => document.documentElement.dataset.foreignId ?? '')).toMatch(/^[a-p]{32}$/);
    return h.page.evaluate(() => document.documentElement.dataset.foreignId ?? '');
  }

  it('cannot reach the background from its own page: no receiver, nothing changes', async () => {
    await seed(h, IN_PROGRESS);
    const before = await snapshot();
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${await foreignId()}/page.html`);
    const results = await page.evaluate(async ({ target, messages }) => {
      const out: string[] = [];
      for (const m of messages) out.push(await chrome.runtime.sendMessage(target, m).then((r) => `answered ${JSON.stringify(r)}`, (e: Error) => `failed: ${e.message}`));
      return out;
    }, {
      target: h.extensionId,
      messages: [
        { kind: 'getState' },
        { kind: 'startOver', namespace: 'moby' },
        { kind: 'awsRoleObserved', role: { roleArn: ARN, trustPolicy: '{}', attachedPolicyNames: [] } },
        { kind: 'dockerResult', namespace: 'moby', result: { outcome: 'linked' } },
      ],
    });
    for (const r of results) expect(r).toMatch(/^failed: .*(Receiving end does not exist|Could not establish connection)/);
    expect(await snapshot()).toBe(before);
    await page.close();
  });

  it('cannot reach it from its content scripts on the console, in the top frame or in an iframe', async () => {
    await seed(h, IN_PROGRESS);
    const before = await snapshot();
    await foreignId();
    // An IAM page in a frame of an IAM page: the foreign content script runs in both.
    const frame = await addFrame(h.page, '/iam/home#/roles/details/dockercloud-role', { width: 600, height: 300 });
    await expect.poll(() => frame.evaluate(() => document.documentElement.dataset.foreignId ?? '')).not.toBe('');
    const forged = { kind: 'awsRoleObserved', role: { roleArn: ARN, trustPolicy: '{}', attachedPolicyNames: ['dockercloud-policy'] } };
    for (const where of [h.page.mainFrame(), frame]) {
      await where.evaluate(({ target, message }) => window.postMessage({ foreign: 'send', target, message }, '*'), { target: h.extensionId, message: forged });
      await expect.poll(() => where.evaluate(() => document.documentElement.dataset.foreignResult ?? '')).toMatch(/"ok":false.*(Receiving end does not exist|Could not establish connection)/);
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('where the IAM content script does not run', () => {
  const GUIDE = '#dockercloud-aws-link-guide';

  it('an IAM page in a frame of a console page outside IAM gets no content script: nothing filled, nothing recorded', async () => {
    await startLink(h);
    const before = await snapshot();
    await h.page.goto(`${AWS_CONSOLE}/ec2/home`);
    const frame = await addFrame(h.page, '/iam/home#/policies/create?step=addPermissions', { width: 1000, height: 700 });
    const json = frame.getByRole('button', { name: 'JSON', exact: true });
    await json.waitFor();
    // Past the point where the browser injects content scripts, the frame has no world of the extension: nothing
    // of it runs there, so nothing can be filled later either (the page is looked at now, not after a sleep).
    await pastContentScriptInjection(frame);
    const worlds = await contentScriptWorlds(h, h.page);
    try {
      expect(await worlds.inFramesAt('/policies/create')).toEqual([]);
    } finally {
      await worlds.detach();
    }
    expect(await json.getAttribute('aria-pressed')).not.toBe('true');
    expect(await frame.locator('.ace_editor').count()).toBe(0);
    expect(await frame.locator(GUIDE).count()).toBe(0);
    expect(await h.page.locator(GUIDE).count()).toBe(0);
    expect(await snapshot()).toBe(before);
  });
});

describe('the page forging the MAIN-world bridge', () => {
  const DOCUMENT = (() => {
    const d = buildPolicyDocument({ region: null, passRole: false });
    return d.ok ? d.value : '';
  })();
  /** A fresh tab (init scripts stay with a page), on the policy editor, once the guide has spoken. */
  const openEditor = async (init?: (page: Page) => Promise<unknown>) => {
    const page = await h.context.newPage();
    await init?.(page);
    await armConsoleTab(h, 'moby', page);
    await page.goto(`${IAM}#/policies/create?step=addPermissions`);
    await expect.poll(() => guideTitle(page).textContent(), { timeout: 20_000 }).toContain('Press «Next»');
    return page;
  };

  it('a forged "editor set" reply is not believed: the editor is read back, and the document offered to copy', async () => {
    await startLink(h);
    const before = await snapshot();
    // Captures the request before the extension's MAIN-world script sees it, answers "true" without setting anything.
    const page = await openEditor((p) => p.addInitScript(({ request, reply }) => {
      window.addEventListener(request, (e) => {
        e.stopImmediatePropagation();
        const { nonce } = JSON.parse((e as CustomEvent<string>).detail) as { nonce: string };
        document.dispatchEvent(new CustomEvent(reply, { detail: `${nonce}:true` }));
      }, true);
    }, { request: EDITOR_REQUEST, reply: EDITOR_REPLY }));
    expect(await guideRows(page, 'copy')).toEqual({ 'Policy document': DOCUMENT });
    expect(await guideRows(page, 'filled')).toEqual({});
    expect(await aceValue(page)).toContain('Statement1');
    expect(await snapshot()).toBe(before);
    await page.close();
  });

  it('junk replies, junk requests and postMessage junk change nothing: the editor is still set right', async () => {
    await startLink(h);
    const before = await snapshot();
    const page = await openEditor((p) => p.addInitScript(({ request, reply }) => {
      const big = 'f'.repeat(1024 * 1024);
      const junk = (nonce: string) => {
        for (const detail of [`${nonce}:maybe`, `${nonce}:true${big}`, `${'0'.repeat(32)}:true`, { nonce }, null, 42, big, `${nonce.toUpperCase()}:true`]) {
          document.dispatchEvent(new CustomEvent(reply, { detail }));
        }
        for (const detail of ['{not json', big, JSON.stringify({ nonce: 'zz', text: 'EVIL', mode: 'set' }), JSON.stringify({ nonce: 'a'.repeat(32), text: 'EVIL', mode: 'set' }), JSON.stringify({ nonce, text: 7, mode: 'set' }), { nonce, text: 'EVIL', mode: 'set' }]) {
          document.dispatchEvent(new CustomEvent(request, { detail }));
        }
        for (const data of [big, { kind: 'awsRoleObserved' }, { foreign: 'send' }, null]) window.postMessage(data, '*');
      };
      window.addEventListener(request, (e) => {
        const detail = (e as CustomEvent<unknown>).detail;
        if (typeof detail !== 'string' || detail.length > 200_000) return;
        try {
          const parsed = JSON.parse(detail) as { nonce?: unknown; text?: unknown };
          // Only the extension's own request (its document), not this script's own forgeries.
          if (typeof parsed.nonce === 'string' && typeof parsed.text === 'string' && parsed.text.includes('"Version"')) junk(parsed.nonce);
        } catch {
          // the forged '{not json'
        }
      }, true);
    }, { request: EDITOR_REQUEST, reply: EDITOR_REPLY }));
    expect(await guideRows(page, 'copy')).toEqual({});
    expect(Object.keys(await guideRows(page, 'filled'))).toEqual(['Policy document']);
    expect(await aceValue(page)).toBe(DOCUMENT);
    expect(await snapshot()).toBe(before);
    await page.close();
  });

  it('a forged request sets nothing: the MAIN-world script acts only on the editor marked with the nonce', async () => {
    await startLink(h);
    const page = await openEditor();
    expect(await aceValue(page)).toBe(DOCUMENT);
    const { replies, changes } = await page.evaluate(async ({ request, reply }) => {
      const wrong = 'b'.repeat(32);
      const malformed = 'nothex'.repeat(6);
      // Asked last: the script answers in order, so once this is answered every earlier request has been.
      const last = 'c'.repeat(32);
      const ours = [wrong, malformed, last];
      // The extension keeps checking its value meanwhile ("<its own nonce>:true"): only answers to this page's nonces, or odd ones, count.
      const seen: unknown[] = [];
      let answered: () => void = () => undefined;
      const lastAnswered = new Promise<void>((resolve) => (answered = resolve));
      document.addEventListener(reply, (e) => {
        const detail = (e as CustomEvent<unknown>).detail;
        if (typeof detail === 'string' && /^[0-9a-f]{32}:(true|false)$/.test(detail) && !ours.includes(detail.slice(0, 32))) return;
        seen.push(detail);
        if (typeof detail === 'string' && detail.startsWith(last)) answered();
      });
      // Any set of the editor's document, even one the extension would put back at once, is a change Ace reports.
      const editor = (document.querySelector('.ace_editor') as unknown as { env: { editor: { on(event: 'change', f: () => void): void } } }).env.editor;
      let changes = 0;
      editor.on('change', () => changes++);
      for (const detail of [JSON.stringify({ nonce: wrong, text: 'EVIL', mode: 'set' }), JSON.stringify({ nonce: malformed, text: 'EVIL', mode: 'set' }), JSON.stringify({ nonce: wrong, text: 'x'.repeat(30_000), mode: 'set' }), JSON.stringify({ nonce: last, text: 'EVIL', mode: 'set' })]) {
        document.dispatchEvent(new CustomEvent(request, { detail }));
      }
      await Promise.race([lastAnswered, new Promise((_, reject) => setTimeout(() => reject(new Error('the MAIN-world script never answered')), 5000))]);
      return { replies: seen, changes };
    }, { request: EDITOR_REQUEST, reply: EDITOR_REPLY });
    // No editor carries a forged nonce: "false"; the malformed and the oversized get no answer at all.
    expect(replies).toEqual([`${'b'.repeat(32)}:false`, `${'c'.repeat(32)}:false`]);
    expect(changes).toBe(0);
    expect(await aceValue(page)).toBe(DOCUMENT);
    await page.close();
  });
});
