import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRoleArn } from '../../src/core/arn';
import { POLICY_NAME } from '../../src/core/docker-cloud';
import { diagnoseDockerCloudError } from '../../src/core/docker-errors';
import { captureRoleArn, newLink, verifyRole } from '../../src/core/flow';
import { parseNamespace, validateExternalId, validateRoleName, type Namespace } from '../../src/core/names';
import { buildPolicyDocument } from '../../src/core/policy';
import type { Problem, Result } from '../../src/core/problem';
import { buildTrustPolicy, checkTrustPolicy } from '../../src/core/trust-policy';
import { MESSAGES, hasMessage, placeholdersOf, render } from './messages';

const root = fileURLToPath(new URL('../../', import.meta.url));
const coreDir = join(root, 'src/core');
const coreSources = readdirSync(coreDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(coreDir, f), 'utf8') }));

/** Message ids the core uses as Problems: fail('id', …), { message: 'id' }, { problem: 'id' }. */
const usedIds = new Map<string, string>();
for (const { file, text } of coreSources) {
  for (const m of text.matchAll(/\bfail\(\s*'([^']+)'|\bmessage:\s*'([^']+)'|\bproblem:\s*'([^']+)'/g)) {
    usedIds.set(m[1] ?? m[2] ?? m[3] ?? '', file);
  }
}

/** Inputs that make the core produce every Problem it can. */
function corpus(): Problem[] {
  const problems: Problem[] = [];
  const take = (r: Result<unknown>) => {
    if (!r.ok) problems.push(r.problem);
  };
  for (const s of ['', 'a b', 'Moby', 'mo-by', 'mob', 'a'.repeat(31)]) take(parseNamespace(s));
  for (const s of ['a', 'a b']) take(validateExternalId(s));
  for (const s of ['', 'a b', 'r'.repeat(65)]) take(validateRoleName(s));
  take(buildPolicyDocument({ region: 'mars-1', passRole: false }));
  for (const s of [
    '',
    ' arn:aws:iam::123456789012:role/r',
    'x',
    'arn:nope:iam::123456789012:role/r',
    'arn:aws:s3:::b',
    'arn:aws:sts::123456789012:assumed-role/r/s',
    'arn:aws:iam:us-east-1:123456789012:role/r',
    'arn:aws:iam::1:role/r',
    'arn:aws:iam::123456789012:user/u',
    'arn:aws:iam::123456789012:policy/p',
    'arn:aws:iam::123456789012:group/g',
    'arn:aws:iam::123456789012:role/',
    'arn:aws:iam::123456789012:role//r',
  ]) {
    take(parseRoleArn(s));
  }
  const dc = 'arn:aws:iam::689684103426:root';
  const trust = (statement: object) => JSON.stringify({ Statement: [statement] });
  problems.push(
    ...checkTrustPolicy('nope', 'moby'),
    ...checkTrustPolicy('{}', 'moby'),
    ...checkTrustPolicy(trust({ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 'sts:AssumeRole' }), 'moby'),
    ...checkTrustPolicy(trust({ Effect: 'Deny', Principal: { AWS: [dc, '111122223333'] }, Action: 'sts:AssumeRole' }), 'moby'),
    ...checkTrustPolicy(trust({ Effect: 'Allow', Principal: { AWS: [dc, '111122223333'] }, Action: 'sts:TagSession' }), 'moby'),
    ...checkTrustPolicy(trust({ Effect: 'Allow', Principal: { AWS: dc }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': ['a', 'b'] } } }), 'moby'),
    ...checkTrustPolicy(buildTrustPolicy({ externalId: 'other', requireMfa: true }), 'moby'),
  );
  const captured = captureRoleArn(newLink({ namespace: 'moby' as Namespace, policy: { region: null, passRole: false }, roleName: 'r', sharedAwsAccount: false }), 'arn:aws:iam::123456789012:role/r', 1);
  if (captured.ok) {
    const verified = verifyRole(captured.value, { roleArn: 'arn:aws:iam::123456789012:role/other', trustPolicy: buildTrustPolicy({ externalId: 'moby', requireMfa: false }), attachedPolicyNames: [], consoleAccountId: '111122223333' }, 2);
    problems.push(...(verified.problems.roleVerified ?? []));
    const other = captureRoleArn(captured.value, 'arn:aws:iam::999988887777:role/r', 3);
    if (!other.ok) problems.push(other.problem);
  }
  for (const s of ['unauthorized operation', 'Invalid AWS credentials or insufficient EC2 permissions', 'Invalid AWS role or insufficient permissions', 'not authenticated', 'odd']) {
    problems.push(diagnoseDockerCloudError(s));
  }
  expect(POLICY_NAME).toBe('dockercloud-policy');
  return problems;
}

describe('_locales/en/messages.json', () => {
  it('has valid Chrome message names, none reserved, none duplicated case-insensitively', () => {
    const keys = Object.keys(MESSAGES);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(key.startsWith('@@')).toBe(false);
    }
    expect(new Set(keys.map((k) => k.toLowerCase())).size).toBe(keys.length);
  });

  it('every message is a non-empty string; named placeholders are declared', () => {
    for (const [key, entry] of Object.entries(MESSAGES)) {
      expect(typeof entry.message, key).toBe('string');
      expect(entry.message.trim().length, key).toBeGreaterThan(0);
      for (const m of entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)) {
        expect(Object.keys(entry.placeholders ?? {}).map((k) => k.toLowerCase()), key).toContain(m[1]?.toLowerCase());
      }
    }
  });

  it('the extension\'s name and description are there for the manifest', () => {
    expect(MESSAGES.extensionName?.message).toBe('Docker Cloud AWS Link');
    expect(MESSAGES.extensionDescription?.message.length).toBeLessThanOrEqual(132);
  });

  it('placeholders are numbered without gaps', () => {
    for (const key of Object.keys(MESSAGES)) {
      const used = placeholdersOf(key);
      expect(used, key).toEqual(used.map((_, i) => i + 1));
    }
  });
});

describe('message ids used by the core', () => {
  it('were found in the sources', () => {
    expect(usedIds.size).toBeGreaterThan(40);
  });

  it('every one exists in messages.json', () => {
    for (const [id, file] of usedIds) expect(hasMessage(id), `${id} (src/core/${file})`).toBe(true);
  });

  it('every Problem the core produces fills exactly its message\'s placeholders', () => {
    const problems = corpus();
    const produced = new Set(problems.map((p) => p.message));
    for (const id of usedIds.keys()) expect(produced.has(id as never), `corpus misses ${id}`).toBe(true);
    for (const p of problems) {
      expect(hasMessage(p.message), p.message).toBe(true);
      expect(placeholdersOf(p.message), p.message).toEqual((p.substitutions ?? []).map((_, i) => i + 1));
      const text = render(p);
      expect(text, p.message).not.toMatch(/\$\d/);
      for (const s of p.substitutions ?? []) expect(text).toContain(s);
    }
  });
});
