// Finds the browsers `npm start` and the tests drive, or says in one short paragraph how to get them on this
// platform. Pure over `System` (platform, environment, files), so the search order and every message are
// unit-tested with a fake one (test/unit/browsers.test.ts); `nodeSystem()` is this machine.
import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export type BrowserName = 'chromium' | 'firefox';

export interface System {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  cwd: string;
  isFile: (file: string) => boolean;
  /** The names in a folder; none when there is no such folder. */
  list: (dir: string) => string[];
}

/** Where a browser was found: its variable, a system-wide install, or Playwright's download folder. */
export type Source = 'env' | 'system' | 'playwright';
export type Found = { found: true; browser: BrowserName; path: string; source: Source };
/** `envPath`: the variable names a file that is not there; `instead`: what the search would find without it. */
export type Missing = { found: false; browser: BrowserName; envPath?: string; instead?: Found };
export type Lookup = Found | Missing;

export const ENV_VARIABLE: Record<BrowserName, string> = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };
export const BROWSER_TITLE: Record<BrowserName, string> = { chromium: 'Chromium', firefox: 'Firefox' };

export function nodeSystem(): System {
  return {
    platform: process.platform,
    env: process.env,
    home: homedir(),
    cwd: process.cwd(),
    isFile: (file) => {
      try {
        return statSync(file).isFile();
      } catch {
        return false;
      }
    },
    list: (dir) => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    },
  };
}

const paths = (sys: System) => (sys.platform === 'win32' ? path.win32 : path.posix);

export const isCI = (env: System['env']) => !!env.CI && env.CI !== 'false' && env.CI !== '0';

/** Linux and the BSDs need an X or Wayland display; macOS and Windows always have one. */
export const hasDisplay = (sys: Pick<System, 'platform' | 'env'>) =>
  sys.platform === 'darwin' || sys.platform === 'win32' || !!sys.env.DISPLAY || !!sys.env.WAYLAND_DISPLAY;

/**
 * System-wide installs, in order. Branded Google Chrome is not one: since version 137 it ignores
 * --load-extension. Chrome for Testing keeps it, and installs as an app only on macOS.
 */
function systemCandidates(browser: BrowserName, sys: System): string[] {
  const p = paths(sys);
  if (sys.platform === 'darwin') {
    const bundles =
      browser === 'chromium'
        ? ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing']
        : ['Firefox.app/Contents/MacOS/firefox'];
    return bundles.flatMap((bundle) => ['/Applications', p.join(sys.home, 'Applications')].map((apps) => p.join(apps, bundle)));
  }
  if (sys.platform === 'win32') {
    const roots = [sys.env.LOCALAPPDATA, sys.env.PROGRAMFILES, sys.env['PROGRAMFILES(X86)']].filter((root): root is string => !!root);
    return roots.map((root) => p.join(root, browser === 'chromium' ? 'Chromium\\Application\\chrome.exe' : 'Mozilla Firefox\\firefox.exe'));
  }
  // Linux: the commands on PATH, as a shell would find them.
  const names = browser === 'chromium' ? ['chromium', 'chromium-browser'] : ['firefox-esr', 'firefox'];
  const dirs = (sys.env.PATH ?? '').split(':').filter(Boolean);
  return names.flatMap((name) => dirs.map((dir) => p.join(dir, name)));
}

/** Playwright's download folder (`npx playwright-core install`), as playwright-core computes it. */
export function playwrightFolder(sys: System): string {
  const p = paths(sys);
  const set = sys.env.PLAYWRIGHT_BROWSERS_PATH;
  if (set === '0') return p.join(sys.cwd, 'node_modules', 'playwright-core', '.local-browsers');
  if (set) return p.resolve(sys.cwd, set);
  if (sys.platform === 'darwin') return p.join(sys.home, 'Library', 'Caches', 'ms-playwright');
  if (sys.platform === 'win32') return p.join(sys.env.LOCALAPPDATA || p.join(sys.home, 'AppData', 'Local'), 'ms-playwright');
  return p.join(sys.env.XDG_CACHE_HOME || p.join(sys.home, '.cache'), 'ms-playwright');
}

const CFT_APP = ['Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'];
/** The executable inside one `chromium-<revision>` or `firefox-<revision>` folder, newest layouts first. */
const PLAYWRIGHT_LAYOUTS: Record<BrowserName, Partial<Record<NodeJS.Platform, string[][]>>> = {
  chromium: {
    linux: [['chrome-linux64', 'chrome'], ['chrome-linux-arm64', 'chrome'], ['chrome-linux', 'chrome']],
    darwin: [['chrome-mac-arm64', ...CFT_APP], ['chrome-mac-x64', ...CFT_APP], ['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium']],
    win32: [['chrome-win64', 'chrome.exe'], ['chrome-win', 'chrome.exe']],
  },
  firefox: {
    linux: [['firefox', 'firefox']],
    darwin: [['firefox', 'Nightly.app', 'Contents', 'MacOS', 'firefox']],
    win32: [['firefox', 'firefox.exe']],
  },
};

/** Playwright's installs, newest revision first (`chromium-1255`; not `chromium_headless_shell-1255`). */
function playwrightCandidates(browser: BrowserName, sys: System): string[] {
  const p = paths(sys);
  const folder = playwrightFolder(sys);
  const revision = new RegExp(`^${browser}-(\\d+)$`);
  const revisions = sys
    .list(folder)
    .map((name) => ({ name, revision: Number(revision.exec(name)?.[1] ?? NaN) }))
    .filter((entry) => !Number.isNaN(entry.revision))
    .sort((a, b) => b.revision - a.revision);
  const layouts = PLAYWRIGHT_LAYOUTS[browser][sys.platform] ?? PLAYWRIGHT_LAYOUTS[browser].linux ?? [];
  return revisions.flatMap(({ name }) => layouts.map((layout) => p.join(folder, name, ...layout)));
}

function search(browser: BrowserName, sys: System): Found | undefined {
  for (const [source, candidates] of [
    ['system', systemCandidates(browser, sys)],
    ['playwright', playwrightCandidates(browser, sys)],
  ] as const) {
    const hit = candidates.find((candidate) => sys.isFile(candidate));
    if (hit) return { found: true, browser, path: hit, source };
  }
  return undefined;
}

/** CHROMIUM_PATH / FIREFOX_PATH when set (and only that: it says which one the user wants), then the system, then Playwright. */
export function findBrowser(browser: BrowserName, sys: System): Lookup {
  const envPath = sys.env[ENV_VARIABLE[browser]];
  if (!envPath) return search(browser, sys) ?? { found: false, browser };
  if (sys.isFile(envPath)) return { found: true, browser, path: envPath, source: 'env' };
  const instead = search(browser, sys);
  return instead ? { found: false, browser, envPath, instead } : { found: false, browser, envPath };
}

const PLAYWRIGHT_INSTALL: Record<BrowserName, string> = {
  chromium: 'npx playwright-core install --no-shell chromium',
  firefox: 'npx playwright-core install firefox',
};

/** How to install `browser` on this platform, the most usual way first. */
export function installHint(browser: BrowserName, platform: NodeJS.Platform): string {
  if (browser === 'chromium') {
    if (platform === 'darwin' || platform === 'win32') return `\`${PLAYWRIGHT_INSTALL.chromium}\``;
    return `\`sudo apt-get install -y chromium\` (Debian), or \`${PLAYWRIGHT_INSTALL.chromium}\` (Ubuntu, other Linux)`;
  }
  if (platform === 'darwin') return '`brew install --cask firefox` (or Firefox from mozilla.org)';
  if (platform === 'win32') return '`winget install Mozilla.Firefox` (or Firefox from mozilla.org)';
  // Ubuntu has no firefox-esr package, and its firefox is a snap, confined away from the profiles the tests make.
  return `\`sudo apt-get install -y firefox-esr\` (Debian), or \`${PLAYWRIGHT_INSTALL.firefox}\` (Ubuntu, other Linux)`;
}

const NEEDED_FOR: Record<BrowserName, string> = {
  chromium:
    '`npm start` and the browser tests load the extension into Chromium or Chrome for Testing (branded Google Chrome ignores --load-extension since version 137).',
  firefox: 'the Firefox tests load the extension into Firefox 140 or newer.',
};

/** The paragraph that stops `npm start` or `npm test`: what is missing, and the command that fixes it here. */
export function missingMessage(lookup: Missing, platform: NodeJS.Platform, { pointToDoctor = true } = {}): string {
  const variable = ENV_VARIABLE[lookup.browser];
  const title = BROWSER_TITLE[lookup.browser];
  if (lookup.envPath !== undefined) {
    const unset = lookup.instead ? `, or unset it to use ${lookup.instead.path}` : '';
    return `${variable} is set to ${lookup.envPath}, but there is no file there. Point it at a ${title} executable${unset}.`;
  }
  return [
    `No ${title} found: ${NEEDED_FOR[lookup.browser]}`,
    `Install it with ${installHint(lookup.browser, platform)},`,
    `or set ${variable} to its executable.${pointToDoctor ? ' `npm run doctor` then shows what was found.' : ''}`,
  ].join('\n');
}

/** The one line that says the Firefox tests are skipped (outside CI only). */
export function skipLine(lookup: Missing, platform: NodeJS.Platform): string {
  const fix = lookup.envPath !== undefined ? `${ENV_VARIABLE.firefox} is set to ${lookup.envPath}, which does not exist` : `Install it with ${installHint('firefox', platform)}`;
  return `No Firefox: the Firefox tests are skipped. ${fix}.`;
}

/** The browser's path, or an error whose message is `missingMessage` (for code that cannot go on without it). */
export function browserPath(lookup: Lookup, platform: NodeJS.Platform = process.platform): string {
  if (lookup.found) return lookup.path;
  const error = new Error(missingMessage(lookup, platform));
  error.stack = error.message;
  throw error;
}

/** Stops the process with what to do, and nothing else (no stack trace, no test runner's summary). */
export function stopWith(paragraphs: string[]): never {
  console.error(`\n${paragraphs.join('\n\n')}\n`);
  process.exit(1);
}

/** For scripts that drive `lookup`'s browser: when there is none, the paragraph and exit 1, before any work. */
export function stopUnlessFound(lookup: Lookup, platform: NodeJS.Platform = process.platform): void {
  if (!lookup.found) stopWith([missingMessage(lookup, platform)]);
}

/**
 * What the browser tests need: Chromium always, Firefox too in CI (elsewhere a missing Firefox only skips the
 * Firefox tests). `stop`: the paragraphs to print before stopping; `notes`: lines to print and go on.
 */
export function checkForTests(sys: System): { stop: string[]; notes: string[]; chromium: Lookup; firefox: Lookup } {
  const chromium = findBrowser('chromium', sys);
  const firefox = findBrowser('firefox', sys);
  const stop: string[] = [];
  const notes: string[] = [];
  if (!chromium.found) stop.push(missingMessage(chromium, sys.platform));
  if (!firefox.found) {
    if (isCI(sys.env)) stop.push(`${missingMessage(firefox, sys.platform)}\n(CI is set: the Firefox tests are not skipped in CI.)`);
    else notes.push(skipLine(firefox, sys.platform));
  }
  return { stop, notes, chromium, firefox };
}

/** The major version in a browser's `--version` line ("Mozilla Firefox 140.5.0esr" → 140), if there is one. */
export function majorVersion(versionLine: string): number | undefined {
  const match = /(\d+)\.\d+/.exec(versionLine);
  return match ? Number(match[1]) : undefined;
}
