/**
 * `npm run package` from two fresh clones of HEAD at different paths: the zips must be byte-identical, shaped
 * for their store, and the Firefox build must pass AMO's linter without errors.
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const version = (JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string }).version;
const names = {
  chrome: `dockercloud-aws-link-chrome-${version}.zip`,
  firefox: `dockercloud-aws-link-firefox-${version}.zip`,
  source: `dockercloud-aws-link-source-${version}.zip`,
};

let work: string;
const clones: string[] = [];

/** A clean clone of `from`'s HEAD sharing this checkout's node_modules (nothing uncommitted, nothing built). */
function cloneAt(from: string, path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  const result = spawnSync('git', ['clone', '--quiet', '--shared', from, path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git clone failed: ${result.stderr}`);
  symlinkSync(join(repo, 'node_modules'), join(path, 'node_modules'));
  appendFileSync(join(path, '.git', 'info', 'exclude'), '/node_modules\n'); // a symlink is not matched by `node_modules/`
  return path;
}

function packageIn(clone: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['--no-install', 'tsx', 'scripts/package.ts'], { cwd: clone, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`npm run package failed in ${clone} (exit ${code}):\n${output}`))));
  });
}

function artifact(clone: string, name: string): Buffer {
  return readFileSync(join(clone, 'artifacts', name));
}

interface CentralEntry {
  name: string;
  dosTime: number;
  dosDate: number;
  madeBy: number;
  flags: number;
  unixMode: number;
  extraLength: number;
  commentLength: number;
}

/** Reads the zip's central directory: the metadata that makes or breaks reproducibility. */
function centralDirectory(zip: Buffer): { entries: CentralEntry[]; commentLength: number } {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(offset)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      madeBy: zip.readUInt16LE(offset + 4),
      flags: zip.readUInt16LE(offset + 8),
      dosTime: zip.readUInt16LE(offset + 12),
      dosDate: zip.readUInt16LE(offset + 14),
      unixMode: zip.readUInt32LE(offset + 38) >>> 16,
      extraLength,
      commentLength,
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, commentLength: zip.readUInt16LE(end + 20) };
}

function filesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

interface BuiltManifest {
  version: string;
  background: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: { required?: string[] } } };
  content_scripts?: { js?: string[] }[];
}

function manifestIn(files: Record<string, Uint8Array>): BuiltManifest {
  const bytes = files['manifest.json'];
  if (!bytes) throw new Error('manifest.json is not at the root of the zip');
  return JSON.parse(new TextDecoder().decode(bytes)) as BuiltManifest;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'package-test-'));
  // Two clones at paths of different length: absolute paths must not leak into any output.
  // The second is cloned from the first, so both hold the same commit even if this checkout gets a new one meanwhile.
  const first = cloneAt(repo, join(work, 'a'));
  clones.push(first, cloneAt(first, join(work, 'second', 'clone', 'b')));
  // Both at once: the machine has two cores and each build is mostly single-threaded.
  await Promise.all(clones.map(packageIn));
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('npm run package', () => {
  it('gives byte-identical zips from two clean clones', () => {
    const [a, b] = clones as [string, string];
    for (const name of Object.values(names)) {
      if (artifact(a, name).equals(artifact(b, name))) continue;
      // Name what differs, to tell a non-reproducible build from non-reproducible zipping.
      const [filesA, filesB] = [unzipSync(artifact(a, name)), unzipSync(artifact(b, name))];
      const paths = [...new Set([...Object.keys(filesA), ...Object.keys(filesB)])].sort();
      const differing = paths.filter((p) => !filesA[p] || !filesB[p] || !Buffer.from(filesA[p]).equals(Buffer.from(filesB[p])));
      expect.fail(`${name} differs between clones; entries that differ: ${differing.join(', ') || 'none (zip metadata)'}`);
    }
  });

  it('writes entries sorted, dated 1980-01-01, Unix 0644/0755, with no extra fields or comments', () => {
    for (const name of Object.values(names)) {
      const { entries, commentLength } = centralDirectory(artifact(clones[0]!, name));
      expect(commentLength).toBe(0);
      const paths = entries.map((e) => e.name);
      expect(paths).toEqual([...paths].sort());
      for (const entry of entries) {
        expect(entry, `${name}: ${entry.name}`).toMatchObject({ dosTime: 0, dosDate: (0 << 9) | (1 << 5) | 1, extraLength: 0, commentLength: 0 });
        expect(entry.madeBy >> 8, `${name}: ${entry.name} made by Unix`).toBe(3);
        expect(entry.flags & 0x8, `${name}: ${entry.name} has no data descriptor`).toBe(0);
        expect([0o100644, 0o100755]).toContain(entry.unixMode);
      }
    }
  });

  it('packs the Chrome build with manifest.json at the root, a service worker and no Firefox settings', () => {
    const files = unzipSync(artifact(clones[0]!, names.chrome));
    expect(Object.keys(files).sort()).toEqual(filesUnder(join(clones[0]!, 'dist')));
    const manifest = manifestIn(files);
    expect(manifest.version).toBe(version);
    expect(manifest.background.service_worker).toBeTypeOf('string');
    expect(files[manifest.background.service_worker!]).toBeDefined();
    expect(manifest.background.scripts).toBeUndefined();
    expect(manifest.browser_specific_settings).toBeUndefined();
    for (const script of manifest.content_scripts?.flatMap((c) => c.js ?? []) ?? []) expect(files[script], script).toBeDefined();
  });

  it('packs the Firefox build with background scripts, a gecko id and data collection permissions', () => {
    const files = unzipSync(artifact(clones[0]!, names.firefox));
    expect(Object.keys(files).sort()).toEqual(filesUnder(join(clones[0]!, 'dist-firefox')));
    const manifest = manifestIn(files);
    expect(manifest.version).toBe(version);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.background.scripts?.length).toBeGreaterThan(0);
    for (const script of manifest.background.scripts ?? []) expect(files[script], script).toBeDefined();
    const gecko = manifest.browser_specific_settings?.gecko;
    // AMO takes a GUID in braces or an email-style id.
    expect(gecko?.id).toMatch(/^(\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}|[a-zA-Z0-9-._]*@[a-zA-Z0-9-._]+)$/);
    expect(gecko?.data_collection_permissions?.required?.length).toBeGreaterThan(0);
  });

  it('archives exactly the tracked sources plus SOURCE-README.md with the build commands', () => {
    const files = unzipSync(artifact(clones[0]!, names.source));
    const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: clones[0]!, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
    expect(Object.keys(files).sort()).toEqual([...tracked, 'SOURCE-README.md'].sort());
    for (const path of ['package.json', 'package-lock.json', 'vite.config.ts', 'manifest.json']) {
      expect(new TextDecoder().decode(files[path]), path).toBe(readFileSync(join(clones[0]!, path), 'utf8'));
    }
    const readme = new TextDecoder().decode(files['SOURCE-README.md']);
    expect(readme).toContain('Node.js 20');
    expect(readme).toContain('npm 11');
    expect(readme).toMatch(/npm ci\n\s+npm run build:firefox/);
    expect(readme).toContain(names.firefox);
    expect(readme).not.toContain('uncommitted');
  });

  it('passes web-ext lint (AMO rules) with no errors', () => {
    const lint = spawnSync(
      'npx',
      ['--no-install', 'web-ext', 'lint', '--source-dir', join(clones[0]!, 'dist-firefox'), '--output=json', '--no-config-discovery', '--no-input'],
      { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' } },
    );
    const report = JSON.parse(lint.stdout) as { summary: { errors: number }; errors: unknown[]; warnings: { code: string }[] };
    expect(report.errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
    expect(lint.status).toBe(0);
    // Warnings are allowed, but each must be one explained in notes/firefox-lint.md (and so in the README).
    const explained = readFileSync(join(clones[0]!, 'notes/firefox-lint.md'), 'utf8');
    for (const { code } of report.warnings) expect(explained, `lint warning ${code} is not explained in notes/firefox-lint.md`).toContain(code);
  }, 60_000);

  it("keeps the one explained warning true: only Preact's own dangerouslySetInnerHTML path writes innerHTML", () => {
    const offenders = filesUnder(join(clones[0]!, 'src'))
      .filter((path) => /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML/.test(readFileSync(join(clones[0]!, 'src', path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
