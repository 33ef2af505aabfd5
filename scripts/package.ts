/**
 * `npm run package`: builds both browsers and writes store-ready, reproducible zips to artifacts/:
 *
 *   dockercloud-aws-link-chrome-<version>.zip   dist/ (Chrome Web Store)
 *   dockercloud-aws-link-firefox-<version>.zip  dist-firefox/ (addons.mozilla.org), after `web-ext lint` found no error
 *   dockercloud-aws-link-source-<version>.zip   the tracked sources (`git ls-files`) + SOURCE-README.md, for AMO review
 *
 * Reproducible: entries sorted, every timestamp 1980-01-01 00:00, fixed permissions (0644, or 0755 where git
 * tracks the file as executable), no extra fields or comments, fixed compression level. Two runs on the same
 * commit give byte-identical zips, wherever the clone lives.
 *
 * Options: --out <dir> (default artifacts/).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { zipSync, type ZipOptions } from 'fflate';

const NAME = 'dockercloud-aws-link';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** DOS time has no time zone: fflate reads the local fields, so build the date from local fields too. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

interface Entry {
  path: string;
  data: Uint8Array;
  mode: 0o644 | 0o755;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function capture(command: string, args: string[]): string {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

function byPath(a: Entry, b: Entry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** Every regular file under `dir`, with forward-slash paths relative to it. */
function filesUnder(dir: string): Entry[] {
  const entries: Entry[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      const stat = lstatSync(full);
      const path = relative(dir, full).split(sep).join('/');
      if (path === '.vite') continue; // Vite's build metadata, not part of the extension
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile()) entries.push({ path, data: readFileSync(full), mode: 0o644 });
      else throw new Error(`${full}: not a regular file`);
    }
  };
  walk(dir);
  return entries.sort(byPath);
}

/** The files `git ls-files` lists, read from the work tree, with git's idea of their permissions. */
function trackedFiles(): Entry[] {
  const deleted = new Set(capture('git', ['ls-files', '-z', '--deleted']).split('\0').filter(Boolean));
  const entries: Entry[] = [];
  for (const line of capture('git', ['ls-files', '-z', '--stage']).split('\0')) {
    if (!line) continue;
    // "<mode> <object> <stage>\t<path>"
    const tab = line.indexOf('\t');
    const mode = line.slice(0, line.indexOf(' '));
    const path = line.slice(tab + 1);
    if (deleted.has(path)) continue;
    if (mode !== '100644' && mode !== '100755') throw new Error(`${path}: git mode ${mode} (symlink or submodule) cannot go into the source archive`);
    entries.push({ path, data: readFileSync(join(root, path)), mode: mode === '100755' ? 0o755 : 0o644 });
  }
  return entries.sort(byPath);
}

function zip(entries: Entry[]): Uint8Array {
  // One flat object, inserted in sorted order. Keys that look like array indices would be reordered by JS.
  const files: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const { path, data, mode } of entries) {
    if (/^(0|[1-9]\d*)$/.test(path)) throw new Error(`${path}: a top-level file named by digits only would break entry order`);
    files[path] = [data, { level: 9, mem: 8, mtime: FIXED_MTIME, os: 3, attrs: (0o100000 | mode) << 16 }];
  }
  return zipSync(files);
}

function manifestVersion(dir: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version?: unknown };
  if (typeof manifest.version !== 'string') throw new Error(`${dir}/manifest.json has no version`);
  return manifest.version;
}

/** Runs AMO's linter on the Firefox build; throws on any error, returns the warnings' codes. */
function lintFirefox(dir: string): string[] {
  const result = spawnSync(
    'npx',
    ['--no-install', 'web-ext', 'lint', '--source-dir', dir, '--output=json', '--no-config-discovery', '--no-input'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 64 * 1024 * 1024 },
  );
  let report: { summary: { errors: number }; errors: { code: string; message: string; file?: string }[]; warnings: { code: string; file?: string }[] };
  try {
    report = JSON.parse(result.stdout) as typeof report;
  } catch {
    throw new Error(`web-ext lint gave no JSON report (exit ${result.status}): ${result.stderr}`);
  }
  if (report.summary.errors > 0) {
    const lines = report.errors.map((e) => `  ${e.code} ${e.file ?? ''}: ${e.message}`);
    throw new Error(`web-ext lint found ${report.summary.errors} error(s) in ${dir}:\n${lines.join('\n')}`);
  }
  return report.warnings.map((w) => `${w.code} (${w.file ?? ''})`);
}

function sourceReadme(version: string, commit: string, dirty: boolean): string {
  return `# Building ${NAME} ${version} from source

This archive holds every file tracked in the extension's git repository (\`git ls-files\`) at commit
${commit}${dirty ? ' plus uncommitted changes in the work tree' : ''}. Nothing in it is generated or minified:
the add-on is bundled from \`manifest.json\`, \`src/\`, \`_locales/\` and \`assets/\` by Vite with the npm packages
pinned in \`package-lock.json\`.

## Requirements

- Node.js 20
- npm 11 (\`npm install -g npm@11\`)
- a POSIX shell (Linux or macOS): the build script sets \`TARGET=firefox\`

## Build the Firefox add-on

    npm ci
    npm run build:firefox

The add-on is then in \`dist-firefox/\`; its files are identical to those in
\`${NAME}-firefox-${version}.zip\`. (\`npm run build\` builds the Chrome version into \`dist/\`;
\`npm run package\` rebuilds both and writes the store zips to \`artifacts/\`.)
`;
}

function main(): void {
  const { values } = parseArgs({ options: { out: { type: 'string', default: 'artifacts' } } });
  const out = resolve(root, values.out);

  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const sourceManifestVersion = manifestVersion(root);
  if (sourceManifestVersion !== version) throw new Error(`package.json version ${version} != manifest.json version ${sourceManifestVersion}`);

  // Build both browsers as for a store. The caller's TARGET must not leak into the Chrome build, nor its NODE_ENV
  // into either: under NODE_ENV=test (vitest) the Preact preset emits a development build with absolute paths.
  const { TARGET: _target, ...callerEnv } = process.env;
  const env = { ...callerEnv, NODE_ENV: 'production' };
  run('npm', ['run', 'build'], env);
  run('npm', ['run', 'build:firefox'], env);
  const chromeDir = join(root, 'dist');
  const firefoxDir = join(root, 'dist-firefox');
  for (const dir of [chromeDir, firefoxDir]) {
    if (manifestVersion(dir) !== version) throw new Error(`${dir}/manifest.json is not version ${version}`);
  }
  const warnings = lintFirefox(firefoxDir);

  const commit = capture('git', ['rev-parse', 'HEAD']).trim();
  const dirty = capture('git', ['status', '--porcelain', '--untracked-files=no']).trim() !== '';
  const sources = trackedFiles();
  if (sources.some((e) => e.path === 'SOURCE-README.md')) throw new Error('SOURCE-README.md is generated; do not track it');
  sources.push({ path: 'SOURCE-README.md', data: new TextEncoder().encode(sourceReadme(version, commit, dirty)), mode: 0o644 });
  sources.sort(byPath);

  mkdirSync(out, { recursive: true });
  const artifacts: [string, Entry[]][] = [
    [`${NAME}-chrome-${version}.zip`, filesUnder(chromeDir)],
    [`${NAME}-firefox-${version}.zip`, filesUnder(firefoxDir)],
    [`${NAME}-source-${version}.zip`, sources],
  ];
  for (const [name, entries] of artifacts) {
    const bytes = zip(entries);
    writeFileSync(join(out, name), bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    console.log(`${relative(process.cwd(), join(out, name))}  ${entries.length} files, ${bytes.length} bytes, sha256 ${sha256}`);
  }
  if (dirty) console.warn('warning: the work tree has uncommitted changes; the source archive is not a commit');
  const untracked = capture('git', ['ls-files', '-z', '--others', '--exclude-standard']).split('\0').filter(Boolean);
  if (untracked.length > 0) console.warn(`warning: ${untracked.length} untracked file(s) are not in the source archive: ${untracked.slice(0, 5).join(', ')}`);
  if (warnings.length > 0) console.log(`web-ext lint: 0 errors, ${warnings.length} warning(s): ${warnings.join(', ')}`);
  else console.log('web-ext lint: 0 errors, 0 warnings');
}

main();
