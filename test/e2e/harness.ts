// The browser harness: the built extension in Chromium (found by scripts/browsers.ts), with the real AWS console and
// Docker Cloud host names mapped to the replica server, so the shipped match patterns are exercised.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { browserPath, findBrowser, nodeSystem } from '../../scripts/browsers';
import { startReplicaServer, type ReplicaServer } from '../replica/server';
import type { ConfigPatch } from '../replica/state';

export const EXTENSION_DIR = resolve('dist');
/** CHROMIUM_PATH, a system install or Playwright's; not found: `chromiumPath()` throws the paragraph that says what to do. */
export const CHROMIUM = findBrowser('chromium', nodeSystem());
export const chromiumPath = () => browserPath(CHROMIUM);
export const AWS_CONSOLE = 'https://console.aws.amazon.com';
export const AWS_CONSOLE_REGIONAL = 'https://us-east-1.console.aws.amazon.com';
export const DOCKER_CLOUD = 'https://cloud.docker.com';

export interface Harness {
  context: BrowserContext;
  server: ReplicaServer;
  extensionId: string;
  /** A blank page to navigate. */
  page: Page;
  serviceWorker: () => Promise<Worker>;
  popupUrl: string;
  /** Opens the popup as a page (the toolbar popup cannot be clicked headless). */
  openPopup: () => Promise<Page>;
  /** Stops the service worker as the browser does when idle; the next event starts it again. */
  stopServiceWorker: () => Promise<void>;
  close: () => Promise<void>;
}

/** `extensionDir` null: the same browser without the extension (the benchmark's baseline). */
export function chromiumArgs(port: number, extensionDir: string | null = EXTENSION_DIR): string[] {
  const map = ['console.aws.amazon.com', '*.console.aws.amazon.com', 'cloud.docker.com']
    .map((host) => `MAP ${host} 127.0.0.1:${port}`)
    .join(', ');
  return [
    ...(extensionDir === null ? [] : [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]),
    `--host-resolver-rules=${map}, EXCLUDE localhost`,
    // The replica's certificate is self-signed. Playwright's ignoreHTTPSErrors can lag behind a tab the
    // extension opens itself, which then shows a certificate error; the browser-wide flag has no such race.
    '--ignore-certificate-errors',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
  ];
}

/**
 * `extension: false` launches the same browser and replica without the extension: `extensionId` and
 * `popupUrl` are then empty, and `serviceWorker`/`openPopup` throw.
 */
export async function launch(
  opts: { config?: ConfigPatch; headless?: boolean; extensionDir?: string; extension?: boolean; lang?: string } = {},
): Promise<Harness> {
  const withExtension = opts.extension ?? true;
  const server = await startReplicaServer({ config: opts.config });
  const userDataDir = mkdtempSync(join(tmpdir(), 'dockercloud-aws-link-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    args: [...chromiumArgs(server.port, withExtension ? (opts.extensionDir ?? EXTENSION_DIR) : null), ...(opts.lang ? [`--lang=${opts.lang}`] : [])],
    // Chromium on Linux takes its UI language (chrome.i18n's locale) from the environment.
    ...(opts.lang ? { locale: opts.lang, env: { ...process.env, LANGUAGE: opts.lang, LANG: `${opts.lang.replace('-', '_')}.UTF-8` } } : {}),
  });
  const serviceWorker = async (): Promise<Worker> => {
    if (!withExtension) throw new Error('launched without the extension');
    return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  };
  const extensionId = withExtension ? new URL((await serviceWorker()).url()).host : '';
  const popupUrl = withExtension ? `chrome-extension://${extensionId}/src/popup/index.html` : '';
  if (withExtension) await closeWelcomeTab(context, extensionId);
  const page = context.pages()[0] ?? (await context.newPage());

  // Stopped until none runs: an event sent just before (a tab the test closed, its tabs.onRemoved late on a busy
  // machine) can wake the worker again right after it stopped.
  const stopServiceWorker = async () => {
    const cdp = await context.newCDPSession(page);
    try {
      const ours = async () =>
        (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
      const deadline = Date.now() + 20_000;
      for (let running = await ours(); running.length > 0; running = await ours()) {
        if (Date.now() > deadline) throw new Error('the extension\'s service worker kept running after it was stopped');
        for (const t of running) await cdp.send('Target.closeTarget', { targetId: t.targetId }).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await cdp.detach();
    }
  };

  return {
    context,
    server,
    extensionId,
    page,
    serviceWorker,
    popupUrl,
    openPopup: async () => {
      if (!withExtension) throw new Error('launched without the extension');
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.goto(popupUrl);
      return popup;
    },
    stopServiceWorker,
    close: async () => {
      await context.close();
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The extension opens its welcome page on install (a fresh profile is a fresh install). Every launch waits for
 * that tab, so an extension that stops opening it fails here, then closes it: tests start from one blank page.
 */
async function closeWelcomeTab(context: BrowserContext, extensionId: string): Promise<void> {
  const url = `chrome-extension://${extensionId}/src/welcome/index.html`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const next = context.waitForEvent('page', { timeout: Math.max(1, deadline - Date.now()) }).catch(() => null);
    const tab = context.pages().find((p) => p.url() === url);
    if (tab !== undefined) return tab.close();
    const opened = await next;
    if (opened === null) throw new Error(`the extension opened no welcome tab (${url}) on install`);
    await opened.waitForURL((u) => u.protocol !== 'about:', { timeout: 5_000 }).catch(() => undefined);
  }
}

/**
 * The extension's content-script worlds in `page` as DevTools sees them, newest first: `evaluate` runs an
 * expression in one (promises awaited) and returns its value or the exception's description. Detach when done.
 */
export async function contentScriptWorlds(h: Harness, page: Page) {
  const cdp = await h.context.newCDPSession(page);
  const worlds: { id: number; origin: string; auxData?: { frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
  await cdp.send('Runtime.enable');
  const ours = worlds.filter((w) => w.origin.startsWith(`chrome-extension://${h.extensionId}`)).reverse();
  const ids = ours.map((w) => w.id);
  /** The extension's worlds in the page's frames whose URL contains `urlPart` (DevTools' frame tree). */
  const inFramesAt = async (urlPart: string) => {
    type Tree = { frame: { id: string; url: string; urlFragment?: string }; childFrames?: Tree[] };
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: Tree };
    const frames: string[] = [];
    const walk = (t: Tree) => {
      if (`${t.frame.url}${t.frame.urlFragment ?? ''}`.includes(urlPart)) frames.push(t.frame.id);
      for (const child of t.childFrames ?? []) walk(child);
    };
    walk(frameTree);
    if (frames.length === 0) throw new Error(`no frame at ${urlPart}`);
    return ours.filter((w) => frames.includes(w.auxData?.frameId ?? '')).map((w) => w.id);
  };
  const evaluate = async (contextId: number, expression: string) => {
    const r = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
    return { value: r.result.value as unknown, error: r.exceptionDetails?.exception?.description ?? null };
  };
  return { ids, inFramesAt, evaluate, detach: () => cdp.detach() };
}

/**
 * Resolves once the browser has injected into `frame` every content script the manifest would give it: the
 * latest point is "document_idle", no later than just after the load event, so after load and one more task.
 * From then on, a frame without the extension's world had none.
 */
export async function pastContentScriptInjection(frame: Frame): Promise<void> {
  await frame.waitForLoadState('load');
  await frame.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}
