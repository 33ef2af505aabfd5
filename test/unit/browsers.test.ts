// The browser search (scripts/browsers.ts) over a fake file system and platform: the order it looks in, and
// what it tells a newcomer on each platform when nothing is found.
import { describe, expect, it } from 'vitest';
import {
  browserPath,
  checkForTests,
  findBrowser,
  hasDisplay,
  majorVersion,
  missingMessage,
  playwrightFolder,
  skipLine,
  type Lookup,
  type Missing,
  type System,
} from '../../scripts/browsers';

const HOMES: Partial<Record<NodeJS.Platform, string>> = { linux: '/home/ada', darwin: '/Users/ada', win32: 'C:\\Users\\ada' };
const WINDOWS_ENV = { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local', PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' };

/** A machine with exactly these files; folders are whatever the files imply. */
function machine(platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}): System {
  const sep = platform === 'win32' ? '\\' : '/';
  return {
    platform,
    env: platform === 'win32' ? { ...WINDOWS_ENV, ...env } : { PATH: '/usr/local/bin:/usr/bin:/bin', ...env },
    home: HOMES[platform] ?? '/home/ada',
    cwd: platform === 'win32' ? 'C:\\work\\app' : '/work/app',
    isFile: (file) => files.includes(file),
    list: (dir) => [...new Set(files.filter((f) => f.startsWith(dir + sep)).map((f) => f.slice(dir.length + 1).split(sep)[0]!))],
  };
}

const pathOf = (lookup: Lookup) => (lookup.found ? lookup.path : undefined);
const missing = (lookup: Lookup): Missing => {
  if (lookup.found) throw new Error(`expected nothing, found ${lookup.path}`);
  return lookup;
};

describe('findBrowser on Linux', () => {
  it('takes CHROMIUM_PATH / FIREFOX_PATH first, over anything installed', () => {
    const sys = machine('linux', ['/usr/bin/chromium', '/opt/cft/chrome', '/usr/bin/firefox-esr', '/opt/ff/firefox'], {
      CHROMIUM_PATH: '/opt/cft/chrome',
      FIREFOX_PATH: '/opt/ff/firefox',
    });
    expect(findBrowser('chromium', sys)).toEqual({ found: true, browser: 'chromium', path: '/opt/cft/chrome', source: 'env' });
    expect(findBrowser('firefox', sys)).toEqual({ found: true, browser: 'firefox', path: '/opt/ff/firefox', source: 'env' });
  });

  it('does not look elsewhere when the variable names a missing file, but says what it would use instead', () => {
    const sys = machine('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/gone/chrome' });
    const lookup = missing(findBrowser('chromium', sys));
    expect(lookup.envPath).toBe('/opt/gone/chrome');
    expect(missingMessage(lookup, 'linux')).toBe(
      'CHROMIUM_PATH is set to /opt/gone/chrome, but there is no file there. Point it at a Chromium executable, or unset it to use /usr/bin/chromium.',
    );
    const alone = missing(findBrowser('firefox', machine('linux', [], { FIREFOX_PATH: '/nope/firefox' })));
    expect(missingMessage(alone, 'linux')).toBe('FIREFOX_PATH is set to /nope/firefox, but there is no file there. Point it at a Firefox executable.');
  });

  it('finds chromium before chromium-browser, each in PATH order, as a shell would', () => {
    const files = ['/usr/bin/chromium-browser', '/usr/bin/chromium', '/usr/local/bin/chromium'];
    expect(pathOf(findBrowser('chromium', machine('linux', files)))).toBe('/usr/local/bin/chromium');
    expect(pathOf(findBrowser('chromium', machine('linux', files.slice(0, 2))))).toBe('/usr/bin/chromium');
    expect(pathOf(findBrowser('chromium', machine('linux', ['/snap/bin/chromium-browser'], { PATH: '/usr/bin:/snap/bin' })))).toBe('/snap/bin/chromium-browser');
  });

  it('finds firefox-esr before firefox', () => {
    const found = findBrowser('firefox', machine('linux', ['/usr/bin/firefox', '/usr/bin/firefox-esr']));
    expect(found).toEqual({ found: true, browser: 'firefox', path: '/usr/bin/firefox-esr', source: 'system' });
  });

  it('does not take branded Google Chrome, which ignores --load-extension', () => {
    const sys = machine('linux', ['/usr/bin/google-chrome', '/opt/google/chrome/chrome', '/usr/bin/google-chrome-stable']);
    expect(findBrowser('chromium', sys).found).toBe(false);
  });

  it("falls back to Playwright's download folder, the newest revision, never the headless shell", () => {
    const pw = '/home/ada/.cache/ms-playwright';
    const files = [
      `${pw}/chromium_headless_shell-1300/chrome-headless-shell-linux64/chrome-headless-shell`,
      `${pw}/chromium-1200/chrome-linux64/chrome`,
      `${pw}/chromium-1255/chrome-linux64/chrome`,
      `${pw}/chromium-999/chrome-linux/chrome`,
      `${pw}/firefox-1572/firefox/firefox`,
    ];
    expect(findBrowser('chromium', machine('linux', files))).toEqual({
      found: true,
      browser: 'chromium',
      path: `${pw}/chromium-1255/chrome-linux64/chrome`,
      source: 'playwright',
    });
    expect(pathOf(findBrowser('firefox', machine('linux', files)))).toBe(`${pw}/firefox-1572/firefox/firefox`);
    expect(pathOf(findBrowser('chromium', machine('linux', [...files, '/usr/bin/chromium'])))).toBe('/usr/bin/chromium');
  });

  it("reads Playwright's folder where playwright-core puts it: XDG_CACHE_HOME, PLAYWRIGHT_BROWSERS_PATH, or 0 for node_modules", () => {
    expect(playwrightFolder(machine('linux', [], { XDG_CACHE_HOME: '/var/cache/ada' }))).toBe('/var/cache/ada/ms-playwright');
    expect(playwrightFolder(machine('linux', [], { PLAYWRIGHT_BROWSERS_PATH: '/srv/browsers' }))).toBe('/srv/browsers');
    expect(playwrightFolder(machine('linux', [], { PLAYWRIGHT_BROWSERS_PATH: 'browsers' }))).toBe('/work/app/browsers');
    expect(playwrightFolder(machine('linux', [], { PLAYWRIGHT_BROWSERS_PATH: '0' }))).toBe('/work/app/node_modules/playwright-core/.local-browsers');
    const file = '/srv/browsers/chromium-1255/chrome-linux-arm64/chrome';
    expect(pathOf(findBrowser('chromium', machine('linux', [file], { PLAYWRIGHT_BROWSERS_PATH: '/srv/browsers' })))).toBe(file);
  });
});

describe('findBrowser on macOS', () => {
  it('finds Chromium.app, then Chrome for Testing, in /Applications or ~/Applications', () => {
    const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    const userChromium = '/Users/ada/Applications/Chromium.app/Contents/MacOS/Chromium';
    const cft = '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
    expect(pathOf(findBrowser('chromium', machine('darwin', [cft, userChromium, chromium])))).toBe(chromium);
    expect(pathOf(findBrowser('chromium', machine('darwin', [cft, userChromium])))).toBe(userChromium);
    expect(pathOf(findBrowser('chromium', machine('darwin', [cft])))).toBe(cft);
  });

  it('does not take Google Chrome.app', () => {
    expect(findBrowser('chromium', machine('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'])).found).toBe(false);
  });

  it("finds Firefox.app, and Playwright's builds in ~/Library/Caches", () => {
    expect(pathOf(findBrowser('firefox', machine('darwin', ['/Applications/Firefox.app/Contents/MacOS/firefox'])))).toBe(
      '/Applications/Firefox.app/Contents/MacOS/firefox',
    );
    const pw = '/Users/ada/Library/Caches/ms-playwright';
    const cft = `${pw}/chromium-1255/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`;
    const nightly = `${pw}/firefox-1572/firefox/Nightly.app/Contents/MacOS/firefox`;
    expect(pathOf(findBrowser('chromium', machine('darwin', [cft])))).toBe(cft);
    expect(pathOf(findBrowser('firefox', machine('darwin', [nightly])))).toBe(nightly);
  });
});

describe('findBrowser on Windows', () => {
  it('finds Chromium per user, then per machine, and never branded Chrome', () => {
    const user = 'C:\\Users\\ada\\AppData\\Local\\Chromium\\Application\\chrome.exe';
    const machineWide = 'C:\\Program Files\\Chromium\\Application\\chrome.exe';
    expect(pathOf(findBrowser('chromium', machine('win32', [machineWide, user])))).toBe(user);
    expect(pathOf(findBrowser('chromium', machine('win32', [machineWide])))).toBe(machineWide);
    expect(findBrowser('chromium', machine('win32', ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'])).found).toBe(false);
  });

  it("finds Firefox in Program Files (x86) too, and Playwright's builds in %LOCALAPPDATA%", () => {
    const firefox = 'C:\\Program Files (x86)\\Mozilla Firefox\\firefox.exe';
    expect(pathOf(findBrowser('firefox', machine('win32', [firefox])))).toBe(firefox);
    const cft = 'C:\\Users\\ada\\AppData\\Local\\ms-playwright\\chromium-1255\\chrome-win64\\chrome.exe';
    expect(findBrowser('chromium', machine('win32', [cft]))).toEqual({ found: true, browser: 'chromium', path: cft, source: 'playwright' });
  });
});

describe('what a newcomer reads', () => {
  const nothing = (browser: 'chromium' | 'firefox', platform: NodeJS.Platform) => missing(findBrowser(browser, machine(platform, [])));

  it.each([
    ['chromium', 'linux', 'sudo apt-get install -y chromium'],
    ['chromium', 'darwin', 'npx playwright-core install --no-shell chromium'],
    ['chromium', 'win32', 'npx playwright-core install --no-shell chromium'],
    ['firefox', 'linux', 'sudo apt-get install -y firefox-esr'],
    ['firefox', 'darwin', 'brew install --cask firefox'],
    ['firefox', 'win32', 'winget install Mozilla.Firefox'],
  ] as const)('no %s on %s: one short paragraph with `%s`', (browser, platform, command) => {
    const text = missingMessage(nothing(browser, platform), platform);
    expect(text).toContain(`\`${command}\``);
    expect(text).toContain(browser === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH');
    expect(text.split('\n').length).toBeLessThanOrEqual(3);
    expect(text).not.toMatch(/\n\s*\n|\bat \S+:\d+/);
  });

  it('offers Playwright on Linux beyond Debian, and says why branded Chrome will not do', () => {
    const text = missingMessage(nothing('chromium', 'linux'), 'linux');
    expect(text).toContain('`npx playwright-core install --no-shell chromium` (Ubuntu, other Linux)');
    expect(text).toContain('branded Google Chrome ignores --load-extension');
  });

  it('points to `npm run doctor` from npm start and npm test, not from the doctor itself', () => {
    expect(missingMessage(nothing('chromium', 'linux'), 'linux')).toContain('npm run doctor');
    expect(missingMessage(nothing('chromium', 'linux'), 'linux', { pointToDoctor: false })).not.toContain('npm run doctor');
  });

  it('says in one line that the Firefox tests are skipped, with the fix', () => {
    expect(skipLine(nothing('firefox', 'linux'), 'linux')).toBe(
      'No Firefox: the Firefox tests are skipped. Install it with `sudo apt-get install -y firefox-esr` (Debian), or `npx playwright-core install firefox` (Ubuntu, other Linux).',
    );
    const wrongVariable = missing(findBrowser('firefox', machine('linux', [], { FIREFOX_PATH: '/nope/firefox' })));
    expect(skipLine(wrongVariable, 'linux')).toBe('No Firefox: the Firefox tests are skipped. FIREFOX_PATH is set to /nope/firefox, which does not exist.');
  });

  it('throws the paragraph itself, without a stack trace, when code cannot go on without the browser', () => {
    const lookup = nothing('chromium', 'darwin');
    expect(browserPath({ found: true, browser: 'chromium', path: '/x/chrome', source: 'env' })).toBe('/x/chrome');
    let thrown: unknown;
    try {
      browserPath(lookup, 'darwin');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe(missingMessage(lookup, 'darwin'));
    expect((thrown as Error).stack).toBe((thrown as Error).message);
  });
});

describe('checkForTests', () => {
  const both = ['/usr/bin/chromium', '/usr/bin/firefox-esr'];

  it('goes on quietly with both browsers', () => {
    expect(checkForTests(machine('linux', both, { CI: 'true' }))).toMatchObject({ stop: [], notes: [] });
  });

  it('stops without Chromium, in CI or not', () => {
    for (const env of [{}, { CI: 'true' }] as Record<string, string>[]) {
      const check = checkForTests(machine('linux', ['/usr/bin/firefox-esr'], env));
      expect(check.stop).toEqual([missingMessage(missing(check.chromium), 'linux')]);
    }
  });

  it('without Firefox: one line and the Firefox tests skipped outside CI, a stop in CI', () => {
    for (const env of [{}, { CI: 'false' }, { CI: '0' }] as Record<string, string>[]) {
      const check = checkForTests(machine('linux', ['/usr/bin/chromium'], env));
      expect(check.stop).toEqual([]);
      expect(check.notes).toEqual([skipLine(missing(check.firefox), 'linux')]);
    }
    for (const env of [{ CI: 'true' }, { CI: '1' }]) {
      const check = checkForTests(machine('linux', ['/usr/bin/chromium'], env));
      expect(check.notes).toEqual([]);
      expect(check.stop).toHaveLength(1);
      expect(check.stop[0]).toContain('No Firefox found');
      expect(check.stop[0]).toContain('not skipped in CI');
    }
  });
});

describe('hasDisplay', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux; macOS and Windows always have one', () => {
    expect(hasDisplay({ platform: 'linux', env: {} })).toBe(false);
    expect(hasDisplay({ platform: 'linux', env: { DISPLAY: ':0' } })).toBe(true);
    expect(hasDisplay({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBe(true);
    expect(hasDisplay({ platform: 'darwin', env: {} })).toBe(true);
    expect(hasDisplay({ platform: 'win32', env: {} })).toBe(true);
  });
});

describe('majorVersion', () => {
  it.each([
    ['Chromium 156.0.8078.114 built on Debian GNU/Linux 12 (bookworm)', 156],
    ['Mozilla Firefox 140.5.0esr', 140],
    ['Google Chrome for Testing 159.0.8154.6 ', 159],
    ['', undefined],
  ])('%j → %s', (line, major) => expect(majorVersion(line)).toBe(major));
});
