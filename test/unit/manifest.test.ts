// The extension's surface, pinned: a new permission, host or exposed resource must be a deliberate change here.
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };

const AWS_HOSTS = ['https://console.aws.amazon.com/*', 'https://*.console.aws.amazon.com/*'];
const IAM_PAGES = ['https://console.aws.amazon.com/iam/*', 'https://*.console.aws.amazon.com/iam/*'];
const DOCKER_CLOUD = 'https://cloud.docker.com/*';

describe('manifest: least privilege', () => {
  const m = manifest as Record<string, unknown>;

  it('asks for storage only', () => {
    expect(manifest.permissions).toEqual(['storage']);
    expect(m.optional_permissions).toBeUndefined();
  });

  it('reaches only the AWS console and Docker Cloud', () => {
    expect(manifest.host_permissions).toEqual([...AWS_HOSTS, DOCKER_CLOUD]);
    expect(m.optional_host_permissions).toBeUndefined();
  });

  it('exposes nothing to pages or other extensions', () => {
    expect(m.web_accessible_resources).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    expect(m.content_security_policy).toBeUndefined();
  });

  it('runs content scripts on IAM pages and Docker Cloud only', () => {
    const matches = manifest.content_scripts.map((s) => s.matches);
    expect(matches).toEqual([IAM_PAGES, IAM_PAGES, [DOCKER_CLOUD]]);
    expect(manifest.content_scripts.flatMap((s) => s.js).every((f) => f.endsWith('.iife.ts'))).toBe(true);
  });

  it('keeps the MAIN-world script to the IAM pages', () => {
    const main = manifest.content_scripts.filter((s) => 'world' in s && s.world === 'MAIN');
    expect(main).toHaveLength(1);
    expect(main[0]?.matches).toEqual(IAM_PAGES);
  });

  it('is Manifest V3 and localized', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toBe('__MSG_extensionName__');
  });

  it('names the oldest Chrome it runs on', () => {
    // 111: MAIN-world content scripts; 121: checkVisibility({ visibilityProperty }) in the Docker Cloud script.
    expect(manifest.minimum_chrome_version).toBe('121');
  });
});
