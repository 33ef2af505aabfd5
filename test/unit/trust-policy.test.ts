import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCKER_CLOUD_ACCOUNT_ID, DOCKER_CLOUD_PRINCIPAL } from '../../src/core/docker-cloud';
import type { Problem } from '../../src/core/problem';
import { buildTrustPolicy, checkTrustPolicy } from '../../src/core/trust-policy';
import { namespaceArb, otherAccountIdArb } from './arbitraries';
import { hasMessage, placeholdersOf, render } from './messages';

const NS = 'moby';

/** A trust policy as the console shows it, with one statement built from the parts given. */
function policy(statement: Record<string, unknown>, ...more: Record<string, unknown>[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [statement, ...more] }, null, 4);
}
const good = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Principal: { AWS: DOCKER_CLOUD_PRINCIPAL },
  Action: 'sts:AssumeRole',
  Condition: { StringEquals: { 'sts:ExternalId': NS } },
  ...extra,
});
const ids = (problems: Problem[]) => problems.map((p) => p.message);
const words = (problems: Problem[]) => problems.map((p) => render(p));

describe('buildTrustPolicy', () => {
  it('builds what the console builds for "Another AWS account" with an External ID', () => {
    expect(buildTrustPolicy({ externalId: 'moby', requireMfa: false })).toBe(`{
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": {
                "AWS": "arn:aws:iam::689684103426:root"
            },
            "Action": "sts:AssumeRole",
            "Condition": {
                "StringEquals": {
                    "sts:ExternalId": "moby"
                }
            }
        }
    ]
}`);
  });

  it('adds the MFA condition only when ticked', () => {
    const withMfa = JSON.parse(buildTrustPolicy({ externalId: 'moby', requireMfa: true })) as {
      Statement: { Condition: unknown }[];
    };
    expect(withMfa.Statement[0]?.Condition).toEqual({
      StringEquals: { 'sts:ExternalId': 'moby' },
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
    });
  });
});

describe('checkTrustPolicy', () => {
  it('finds nothing wrong with the policy the guide asks for', () => {
    expect(checkTrustPolicy(buildTrustPolicy({ externalId: NS, requireMfa: false }), NS)).toEqual([]);
  });

  it('accepts the forms IAM accepts for the same trust', () => {
    const variants = [
      good({ Principal: { AWS: DOCKER_CLOUD_ACCOUNT_ID } }),
      good({ Principal: { AWS: [DOCKER_CLOUD_PRINCIPAL] } }),
      good({ Action: ['sts:AssumeRole'] }),
      good({ Action: 'sts:*' }),
      good({ Condition: { stringequals: { 'STS:EXTERNALID': [NS] } } }),
    ];
    for (const s of variants) expect(checkTrustPolicy(policy(s), NS), JSON.stringify(s)).toEqual([]);
    // A single statement object instead of an array.
    expect(checkTrustPolicy(JSON.stringify({ Version: '2012-10-17', Statement: good() }), NS)).toEqual([]);
  });

  it('says when the text is not a JSON object', () => {
    for (const text of ['', '{', 'Version: 2012-10-17', 'null', '[]', '"x"', '42']) {
      expect(checkTrustPolicy(text, NS)).toEqual([{ message: 'trustNotJson' }]);
    }
    expect(render({ message: 'trustNotJson' })).toBe('The trust policy could not be read as JSON.');
  });

  it('says when nothing lets Docker Cloud in', () => {
    expect(checkTrustPolicy('{}', NS)).toEqual([{ message: 'trustNoStatement' }]);
    expect(checkTrustPolicy(JSON.stringify({ Statement: [] }), NS)).toEqual([{ message: 'trustNoStatement' }]);
    expect(ids(checkTrustPolicy(policy(good({ Principal: { AWS: 'arn:aws:iam::689684103426:user/x' } })), NS))).toEqual([
      'trustExtraPrincipal',
      'trustNoStatement',
    ]);
  });

  it('wrong account: names the account and Docker Cloud\'s', () => {
    const problems = checkTrustPolicy(policy(good({ Principal: { AWS: 'arn:aws:iam::123456789012:root' } })), NS);
    expect(problems).toEqual([{ message: 'trustWrongAccount', substitutions: ['123456789012'] }]);
    expect(words(problems)).toEqual(["The role trusts account 123456789012, not Docker Cloud's account 689684103426."]);
    expect(checkTrustPolicy(policy(good({ Principal: { AWS: '123456789012' } })), NS)).toEqual([
      { message: 'trustWrongAccount', substitutions: ['123456789012'] },
    ]);
  });

  it('external ID missing: says which one Docker Cloud needs', () => {
    const { Condition: _omit, ...noCondition } = good();
    const problems = checkTrustPolicy(policy(noCondition), NS);
    expect(problems).toEqual([{ message: 'trustExternalIdMissing', substitutions: [NS] }]);
    expect(words(problems)[0]).toContain('does not require an External ID; Docker Cloud needs "moby"');
    // Only under another operator, or another key: still missing for Docker Cloud.
    expect(ids(checkTrustPolicy(policy(good({ Condition: { StringLike: { 'sts:ExternalId': NS } } })), NS))).toEqual([
      'trustExternalIdMissing',
    ]);
    expect(ids(checkTrustPolicy(policy(good({ Condition: { StringEquals: { 'aws:PrincipalTag/x': NS } } })), NS))).toEqual([
      'trustExternalIdMissing',
    ]);
  });

  it('external ID different: shows both, e.g. a user name where the organization links', () => {
    const problems = checkTrustPolicy(buildTrustPolicy({ externalId: 'moby', requireMfa: false }), 'teamawesome');
    expect(problems).toEqual([{ message: 'trustExternalIdDifferent', substitutions: ['moby', 'teamawesome'] }]);
    expect(words(problems)).toEqual(['The role\'s External ID is "moby", but it must be your Docker Cloud name "teamawesome".']);
    // IAM's StringEquals is case-sensitive: "Moby" is not "moby".
    expect(ids(checkTrustPolicy(buildTrustPolicy({ externalId: 'Moby', requireMfa: false }), NS))).toEqual([
      'trustExternalIdDifferent',
    ]);
  });

  it('several external IDs: lists them', () => {
    const problems = checkTrustPolicy(policy(good({ Condition: { StringEquals: { 'sts:ExternalId': ['moby', 'other'] } } })), NS);
    expect(problems).toEqual([{ message: 'trustExternalIdSeveral', substitutions: ['moby, other', NS] }]);
    expect(words(problems)[0]).toContain('(moby, other)');
  });

  it('MFA condition present: says to untick Require MFA', () => {
    const problems = checkTrustPolicy(buildTrustPolicy({ externalId: NS, requireMfa: true }), NS);
    expect(problems).toEqual([{ message: 'trustMfaRequired' }]);
    expect(words(problems)[0]).toContain('untick "Require MFA"');
    const age = good({ Condition: { StringEquals: { 'sts:ExternalId': NS }, NumericLessThan: { 'aws:multifactorauthage': '3600' } } });
    expect(ids(checkTrustPolicy(policy(age), NS))).toEqual(['trustMfaRequired']);
  });

  it('extra principals: names each one', () => {
    const problems = checkTrustPolicy(
      policy(
        good({
          Principal: {
            AWS: [DOCKER_CLOUD_PRINCIPAL, 'arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:user/bob'],
            Service: 'ec2.amazonaws.com',
          },
        }),
      ),
      NS,
    );
    expect(problems).toEqual([
      { message: 'trustExtraPrincipal', substitutions: ['arn:aws:iam::123456789012:root'] },
      { message: 'trustExtraPrincipal', substitutions: ['arn:aws:iam::123456789012:user/bob'] },
      { message: 'trustExtraPrincipal', substitutions: ['Service: ec2.amazonaws.com'] },
    ]);
    expect(words(problems)[0]).toBe(
      "The role also trusts arn:aws:iam::123456789012:root; only Docker Cloud's account 689684103426 should.",
    );
    expect(ids(checkTrustPolicy(policy(good({ Principal: '*' })), NS))).toContain('trustExtraPrincipal');
  });

  it('deny statements and a missing sts:AssumeRole are reported', () => {
    const deny = { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole' };
    expect(ids(checkTrustPolicy(policy(good(), deny), NS))).toEqual(['trustDenyStatement']);
    expect(ids(checkTrustPolicy(policy(deny), NS))).toEqual(['trustDenyStatement', 'trustNoStatement']);
    expect(ids(checkTrustPolicy(policy(good({ Action: 'sts:TagSession' })), NS))).toEqual(['trustNotAssumeRole']);
  });

  it('does not invent a deviation: IAM action names are case-insensitive', () => {
    expect(checkTrustPolicy(policy(good({ Action: 'sts:assumerole' })), NS)).toEqual([]);
    expect(checkTrustPolicy(policy(good({ Action: 'STS:AssumeRole' })), NS)).toEqual([]);
  });

  it('lists every deviation at once, each once', () => {
    const everything = good({
      Principal: { AWS: [DOCKER_CLOUD_PRINCIPAL, '111122223333'] },
      Condition: { StringEquals: { 'sts:ExternalId': 'wrong' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    const problems = checkTrustPolicy(policy(everything, everything), NS);
    expect(problems).toEqual([
      { message: 'trustExtraPrincipal', substitutions: ['111122223333'] },
      { message: 'trustExternalIdDifferent', substitutions: ['wrong', NS] },
      { message: 'trustMfaRequired' },
    ]);
  });

  it('the console\'s policy for the namespace is right for any namespace, and only for it (property)', () => {
    fc.assert(
      fc.property(namespaceArb, namespaceArb, fc.boolean(), (ns, other, mfa) => {
        const text = buildTrustPolicy({ externalId: ns, requireMfa: mfa });
        const same = JSON.stringify(checkTrustPolicy(text, ns)) === JSON.stringify(mfa ? [{ message: 'trustMfaRequired' }] : []);
        const differs =
          other === ns ||
          checkTrustPolicy(text, other).some(
            (p) => p.message === 'trustExternalIdDifferent' && p.substitutions?.[0] === ns && p.substitutions[1] === other,
          );
        return same && differs;
      }),
      { numRuns: 2000 },
    );
  });

  it('any other account is reported as the wrong account, by number (property)', () => {
    fc.assert(
      fc.property(otherAccountIdArb, fc.boolean(), namespaceArb, (account, asArn, ns) => {
        const principal = asArn ? `arn:aws:iam::${account}:root` : account;
        const text = JSON.stringify({ Statement: [{ ...good(), Principal: { AWS: principal }, Condition: {} }] });
        return JSON.stringify(checkTrustPolicy(text, ns)) === JSON.stringify([{ message: 'trustWrongAccount', substitutions: [account] }]);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any JSON, and every problem renders with all its placeholders filled (property)', () => {
    const statementArb = fc.record(
      {
        Effect: fc.oneof(fc.constantFrom('Allow', 'Deny'), fc.jsonValue()),
        Principal: fc.oneof(
          fc.constant('*'),
          fc.record({ AWS: fc.oneof(fc.constantFrom(DOCKER_CLOUD_PRINCIPAL, DOCKER_CLOUD_ACCOUNT_ID, '123456789012'), fc.jsonValue()) }),
          fc.jsonValue(),
        ),
        Action: fc.oneof(fc.constantFrom('sts:AssumeRole', ['sts:AssumeRole', 'sts:TagSession'], '*'), fc.jsonValue()),
        Condition: fc.oneof(
          fc.record({ StringEquals: fc.record({ 'sts:ExternalId': fc.oneof(fc.constantFrom(NS, 'x'), fc.jsonValue()) }) }),
          fc.jsonValue(),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.array(statementArb, { maxLength: 3 }), statementArb, fc.jsonValue()), fc.boolean(), (stmts, raw) => {
        const text = raw ? JSON.stringify(stmts) : JSON.stringify({ Version: '2012-10-17', Statement: stmts });
        const problems = checkTrustPolicy(text, NS);
        for (const p of problems) {
          expect(hasMessage(p.message)).toBe(true);
          expect(placeholdersOf(p.message)).toEqual((p.substitutions ?? []).map((_, i) => i + 1));
        }
        const keys = problems.map((p) => `${p.message}|${p.substitutions?.join()}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(Array.isArray(checkTrustPolicy(text, NS))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
