// The Firefox harness: the built Firefox extension (dist-firefox/) in Firefox (see FIREFOX), driven through
// WebDriver BiDi with puppeteer-core (Playwright drives only its own patched Firefox, which cannot load an
// extension). Firefox has no host-resolver rules: every HTTPS request goes to a local CONNECT proxy that
// tunnels the AWS console's and Docker Cloud's host names to the replica server, so the shipped match
// patterns are exercised here too, and refuses any other host.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join, resolve } from 'node:path';
import puppeteer, { ProtocolError, type Browser, type Page } from 'puppeteer-core';
import { browserPath, findBrowser, nodeSystem } from '../../scripts/browsers';
import { startReplicaServer, type ReplicaServer } from '../replica/server';

/** FIREFOX_PATH, a system install or Playwright's; not found, the Firefox tests are skipped (outside CI). */
export const FIREFOX = findBrowser('firefox', nodeSystem());
export const FIREFOX_EXTENSION_DIR = resolve('dist-firefox');
const TUNNELLED = /^(?:console\.aws\.amazon\.com|[a-z0-9-]+\.console\.aws\.amazon\.com|cloud\.docker\.com):443$/;

export interface FirefoxHarness {
  browser: Browser;
  server: ReplicaServer;
  /** The extension's popup opened as a tab, ready to use. */
  openPopup: () => Promise<Page>;
  close: () => Promise<void>;
}

/** A CONNECT proxy on 127.0.0.1 that tunnels the real host names to `port` and nothing else. */
async function startTunnel(port: number) {
  const proxy = createServer((_req, res) => res.writeHead(405).end());
  // Tunnels are no longer the HTTP server's connections: closing it waits for each, so they are ended here.
  const tunnels = new Set<Duplex>();
  const track = (socket: Duplex) => {
    tunnels.add(socket);
    socket.once('close', () => tunnels.delete(socket));
  };
  proxy.on('connect', (req, client, head) => {
    track(client);
    if (!TUNNELLED.test(req.url ?? '')) return client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((done) => proxy.listen(0, '127.0.0.1', done));
  const close = () =>
    new Promise<void>((done) => {
      proxy.close(() => done());
      proxy.closeAllConnections();
      for (const socket of tunnels) socket.destroy();
    });
  return { port: (proxy.address() as AddressInfo).port, close };
}

/** Firefox with the extension installed as a temporary add-on, the way `web-ext run` and about:debugging load it. */
async function launchWithExtension(executablePath: string, proxyPort: number, addonId: string, uuid: string): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // The replica's certificate is self-signed.
    acceptInsecureCerts: true,
    // Firefox 153+ lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.no_proxies_on': '',
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      // permissions.request() is granted without Firefox's doorhanger, which WebDriver cannot answer; the
      // request itself, from the popup's button, is the extension's code under test.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
    return browser;
  } catch (error) {
    await quit(browser);
    throw error;
  }
}

function causedByProtocolError(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) if (e instanceof ProtocolError) return true;
  return false;
}

/**
 * Firefox's own quit, given 10 s. puppeteer waits for the answer to `browser.close` for up to its protocol
 * timeout (180 s), longer than a test hook may take; once in a CI run it never came (the tests had passed,
 * the hook timed out). A quit that stalls, or a close that failed with the process still running, is ended by
 * killing the process, so the tunnels close with it.
 */
async function quit(browser: Browser): Promise<void> {
  // A close that failed (the protocol connection lost) says nothing about the process: it is checked below.
  const done = browser.close().then(
    () => true,
    () => false,
  );
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), 10_000)));
  const quitted = await Promise.race([done, stalled]);
  clearTimeout(timer);
  if (quitted) return;
  const firefox = browser.process();
  if (firefox && firefox.exitCode === null && firefox.signalCode === null) {
    const exited = new Promise((resolve) => firefox.once('exit', resolve));
    firefox.kill('SIGKILL');
    await exited;
  }
}

export async function launchFirefox(): Promise<FirefoxHarness> {
  const executablePath = browserPath(FIREFOX);
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  // The add-on's internal UUID, chosen here so the popup's moz-extension:// address is known in advance.
  const uuid = randomUUID();
  const server = await startReplicaServer();
  const tunnel = await startTunnel(server.port);
  const stopServers = async () => {
    await tunnel.close();
    await server.close();
  };
  const browser = await launchWithExtension(executablePath, tunnel.port, manifest.browser_specific_settings.gecko.id, uuid).catch(async (error: unknown) => {
    await stopServers();
    throw error;
  });

  const openPopup = async () => {
    for (let attempt = 1; ; attempt++) {
      const page = await browser.newPage();
      // Firefox's remote agent does not report an extension page as loaded: start the navigation and wait
      // for the popup's own content instead.
      page.goto(`moz-extension://${uuid}/src/popup/index.html`).catch(() => undefined);
      try {
        // Loaded: the background answered the popup's first question.
        await page.waitForSelector('main.popup:not([aria-busy="true"])', { timeout: 15_000 });
        return page;
      } catch (error) {
        await page.close().catch(() => undefined);
        // Now and then (about one load in 15 on a busy machine) puppeteer keeps evaluating in the
        // about:blank document the extension page replaced, and Firefox answers every evaluation with a
        // protocol error ("right-hand side of 'in' should be an object, got null"), never with the
        // "context destroyed" that puppeteer would follow to the new document. That tab is lost to
        // puppeteer; a new one loads the popup as the user's would.
        if (attempt === 3 || !causedByProtocolError(error)) throw error;
      }
    }
  };

  return {
    browser,
    server,
    openPopup,
    close: async () => {
      await quit(browser);
      await stopServers();
    },
  };
}
