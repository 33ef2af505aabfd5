// `npm run doctor`: what `npm start` and `npm test` will use on this machine (Node, each browser and its
// version, display or headless) and, for whatever is missing, the command that fixes it. Exit 1 when
// something is missing.
// `--require` (the first step of `npm test`): silent when the tests can run; otherwise the paragraph, exit 1.
import { execFileSync } from 'node:child_process';
import manifest from '../manifest.json' with { type: 'json' };
import {
  BROWSER_TITLE,
  ENV_VARIABLE,
  checkForTests,
  hasDisplay,
  isCI,
  majorVersion,
  missingMessage,
  nodeSystem,
  stopWith,
  type BrowserName,
  type Found,
} from './browsers';

const MINIMUM_NODE = 20;
/** Chromium: the manifest's minimum_chrome_version; Firefox: gecko.strict_min_version in vite.config.ts. */
const MINIMUM_VERSION: Record<BrowserName, number> = { chromium: Number(manifest.minimum_chrome_version), firefox: 140 };

const sys = nodeSystem();
const check = checkForTests(sys);

if (process.argv.includes('--require')) {
  if (check.stop.length > 0) stopWith(check.stop);
  process.exit(0);
}

/** The browser's own `--version` line (Chromium on Windows prints none). */
function versionLine(executable: string): string | undefined {
  try {
    const out = execFileSync(executable, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] });
    return out.trim().split('\n')[0] || undefined;
  } catch {
    return undefined;
  }
}

const where = (lookup: Found) =>
  lookup.source === 'env' ? `from ${ENV_VARIABLE[lookup.browser]}` : lookup.source === 'playwright' ? 'installed by Playwright' : 'system install';

const row = (label: string, text: string) => console.log(`${label.padEnd(10)}${text}`);
const problems: string[] = [];

const nodeMajor = Number(process.versions.node.split('.')[0]);
row('Node', `v${process.versions.node}${nodeMajor < MINIMUM_NODE ? ` (too old: install Node ${MINIMUM_NODE} or newer from nodejs.org)` : ''}`);
if (nodeMajor < MINIMUM_NODE) problems.push(`Node ${process.versions.node} is too old: install Node ${MINIMUM_NODE} or newer (nodejs.org).`);

for (const lookup of [check.chromium, check.firefox]) {
  const title = BROWSER_TITLE[lookup.browser];
  if (!lookup.found) {
    row(title, lookup.browser === 'firefox' && !isCI(sys.env) ? 'not found (the Firefox tests will be skipped)' : 'not found');
    problems.push(missingMessage(lookup, sys.platform, { pointToDoctor: false }));
    continue;
  }
  const version = versionLine(lookup.path);
  const major = version === undefined ? undefined : majorVersion(version);
  const tooOld = major !== undefined && major < MINIMUM_VERSION[lookup.browser];
  row(title, `${version ?? 'version unknown'}${tooOld ? ' (too old)' : ''}: ${lookup.path} (${where(lookup)})`);
  if (tooOld) problems.push(`${version} is older than the extension's minimum, ${title} ${MINIMUM_VERSION[lookup.browser]}: update it, or set ${ENV_VARIABLE[lookup.browser]} to a newer one.`);
}

row('Display', hasDisplay(sys) ? 'yes: `npm start` opens Chromium with the extension' : 'none: `npm start` runs headless and writes an illustrated walkthrough');

if (problems.length === 0) {
  console.log('\nReady: `npm start` and `npm test` have what they need.');
} else {
  console.log(`\nMissing:\n\n${problems.join('\n\n')}`);
  process.exitCode = 1;
}
