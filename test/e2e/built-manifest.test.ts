// The surface of what ships, read from the builds the e2e global setup made (dist/ and dist-firefox/):
// the bundler may add entries to the manifest (web-accessible chunks, loaders), so the source pin
// (test/unit/manifest.test.ts) is not enough on its own.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_FILE, ENGINE_SCRIPT } from '../../src/background/engine';
import { EXTENSION_DIR } from './harness';

const IAM_PAGES = [
  'https://console.aws.amazon.com/iam/*',
  'https://*.console.aws.amazon.com/iam/*',
  'https://console.aws.amazon.com/iamv2/*',
  'https://*.console.aws.amazon.com/iamv2/*',
];
const HOSTS = ['https://console.aws.amazon.com/*', 'https://*.console.aws.amazon.com/*', 'https://cloud.docker.com/*'];

const builds = [EXTENSION_DIR, join(EXTENSION_DIR, '..', 'dist-firefox')];

describe.each(builds)('the built manifest in %s', (dir) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    content_scripts: { matches: string[]; js: string[]; world?: string }[];
  };

  it('asks for storage, scripting (the engine is registered and injected during a link) and the three hosts, nothing optional', () => {
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    expect(manifest.host_permissions).toEqual(HOSTS);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toBeUndefined();
  });

  it('exposes no resource to web pages and accepts no outside connection', () => {
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined();
  });

  it('states the oldest browser it runs on, in that browser\'s own key', () => {
    if (dir === EXTENSION_DIR) expect(manifest.minimum_chrome_version).toBe('121');
    else {
      expect(manifest.minimum_chrome_version).toBeUndefined();
      expect(manifest.browser_specific_settings).toMatchObject({ gecko: { strict_min_version: '140.0' } });
    }
  });

  it('injects one self-contained file per content script, only on IAM pages and Docker Cloud', () => {
    expect(manifest.content_scripts.map((s) => s.matches)).toEqual([IAM_PAGES, IAM_PAGES, ['https://cloud.docker.com/*']]);
    for (const script of manifest.content_scripts) {
      expect(script.js).toHaveLength(1);
      const code = readFileSync(join(dir, script.js[0]!), 'utf8');
      // No loader: nothing imported at run time, so nothing fetched from the extension by the page's origin.
      expect(code).not.toMatch(/\bimport\s*\(|chrome\.runtime\.getURL|browser\.runtime\.getURL/);
    }
  });

  it('ships the console engine as one self-contained file that only the service worker names', () => {
    const engine = readFileSync(join(dir, ENGINE_FILE), 'utf8');
    expect(engine).not.toMatch(/\bimport\s*\(|^import\b|\bexport\b/m);
    expect(manifest.content_scripts.flatMap((s) => s.js)).not.toContain(ENGINE_FILE);
    // Registered during a link on the pages the boot script runs on, in its world, at its time.
    expect(ENGINE_SCRIPT).toMatchObject({ js: [ENGINE_FILE], matches: IAM_PAGES, runAt: 'document_start' });
    expect(ENGINE_SCRIPT).not.toHaveProperty('world');
    // The ES chunk CRXJS builds the IIFE from is not shipped: the engine's code is in one file only.
    const chunks = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(dir, 'assets', f), 'utf8'));
    expect(chunks.filter((code) => code.includes('dockercloudLookedAt'))).toEqual([]);
    // The service worker's chunk names the file it injects.
    expect(chunks.filter((code) => code.includes(ENGINE_FILE))).toHaveLength(1);
  });
});
