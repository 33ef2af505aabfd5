import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLE_ARN_IN_TEXT, parseRoleArn } from '../../src/core/arn';
import { PARTITIONS } from '../../src/core/regions';
import { accountIdArb, partitionArb, pathArb, roleArnArb, roleArnOf, roleArnPartsArb, roleNameArb, stringFrom } from './arbitraries';
import { renderFailure } from './messages';

const GUIDE_ARN = 'arn:aws:iam::123456789123:role/dockercloud-role';

/** The IAM rule for a role ARN, written independently of the parser. */
const VALID_ROLE_ARN =
  /^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):iam::\d{12}:role(\/([\x21-\x2e\x30-\x7e]+\/)*)([\w+=,.@-]{1,64})$/;

const messageOf = (input: string) => {
  const r = parseRoleArn(input);
  return r.ok ? 'ok' : r.problem.message;
};

describe('parseRoleArn: valid ARNs', () => {
  it('reads the guide\'s example', () => {
    expect(parseRoleArn(GUIDE_ARN)).toEqual({
      ok: true,
      value: { arn: GUIDE_ARN, partition: 'aws', accountId: '123456789123', path: '/', roleName: 'dockercloud-role' },
    });
  });

  it('reads every partition, with or without a path', () => {
    const cases: [string, string, string, string][] = [
      ['arn:aws-cn:iam::123456789012:role/dockercloud-role', 'aws-cn', '/', 'dockercloud-role'],
      ['arn:aws-us-gov:iam::123456789012:role/service/dockercloud-role-moby', 'aws-us-gov', '/service/', 'dockercloud-role-moby'],
      ['arn:aws-iso:iam::000000000000:role/a/b/c/r', 'aws-iso', '/a/b/c/', 'r'],
      ['arn:aws-iso-b:iam::123456789012:role/x', 'aws-iso-b', '/', 'x'],
      ['arn:aws-iso-e:iam::123456789012:role/x', 'aws-iso-e', '/', 'x'],
      ['arn:aws-iso-f:iam::123456789012:role/x', 'aws-iso-f', '/', 'x'],
      ['arn:aws-eusc:iam::123456789012:role/x', 'aws-eusc', '/', 'x'],
      ['arn:aws:iam::123456789012:role/p!~/Role+=,.@_-1', 'aws', '/p!~/', 'Role+=,.@_-1'],
    ];
    for (const [arn, partition, path, roleName] of cases) {
      expect(parseRoleArn(arn), arn).toEqual({ ok: true, value: { arn, partition, accountId: arn.split(':')[4], path, roleName } });
    }
  });

  it('returns the parts of any valid role ARN (property)', () => {
    fc.assert(
      fc.property(roleArnPartsArb, (parts) => {
        const arn = roleArnOf(parts);
        expect(parseRoleArn(arn)).toEqual({ ok: true, value: { arn, ...parts } });
      }),
      { numRuns: 3000 },
    );
  });
});

describe('parseRoleArn: rejections, each with its own message', () => {
  const cases: [string, string, string][] = [
    ['', 'arnEmpty', 'Paste the Role ARN'],
    ['  \n', 'arnEmpty', 'Paste the Role ARN'],
    [` ${GUIDE_ARN}`, 'arnPadded', 'spaces or line breaks'],
    [`${GUIDE_ARN}\n`, 'arnPadded', 'spaces or line breaks'],
    [`${GUIDE_ARN}\t`, 'arnPadded', 'spaces or line breaks'],
    ['dockercloud-role', 'arnNotAnArn', 'not an ARN'],
    ['https://console.aws.amazon.com/iam/home#/roles/dockercloud-role', 'arnNotAnArn', 'not an ARN'],
    ['ARN:aws:iam::123456789012:role/x', 'arnNotAnArn', 'not an ARN'],
    ['arn:amazon:iam::123456789012:role/x', 'arnUnknownPartition', '"amazon" is not an AWS partition'],
    ['arn:AWS:iam::123456789012:role/x', 'arnUnknownPartition', '"AWS" is not an AWS partition'],
    ['arn:aws:s3:::my-bucket', 'arnNotIam', 'belongs to s3'],
    ['arn:aws:ec2:us-west-2:123456789012:instance/i-0abc', 'arnNotIam', 'belongs to ec2'],
    ['arn:aws:sts::123456789012:assumed-role/dockercloud-role/session', 'arnAssumedRole', 'assumed-role session'],
    ['arn:aws:iam:us-east-1:123456789012:role/x', 'arnHasRegion', 'names "us-east-1"'],
    ['arn:aws:iam::12345678901:role/x', 'arnBadAccount', 'this one has "12345678901"'],
    ['arn:aws:iam::1234567890123:role/x', 'arnBadAccount', '12 digits'],
    ['arn:aws:iam::12345678901O:role/x', 'arnBadAccount', '12 digits'],
    ['arn:aws:iam::123456789012:user/dockercloud-user', 'arnIsUser', 'IAM user'],
    ['arn:aws:iam::123456789012:user/division/bob', 'arnIsUser', 'IAM user'],
    ['arn:aws:iam::123456789012:policy/dockercloud-policy', 'arnIsPolicy', 'policy\'s ARN'],
    ['arn:aws:iam::123456789012:instance-profile/web', 'arnNotRole', 'names a instance-profile, not a role'],
    ['arn:aws:iam::123456789012:group/admins', 'arnNotRole', 'names a group'],
    ['arn:aws:iam::123456789012:', 'arnTruncated', 'cut off'],
    ['arn:aws:iam::123456789012:role', 'arnTruncated', 'cut off'],
    ['arn:aws:iam::123456789012:role/', 'arnTruncated', 'cut off'],
    ['arn:aws:iam::123456789012:role/service/', 'arnTruncated', 'cut off'],
    ['arn:aws:iam::123456789012:role//x', 'arnBadPath', 'path'],
    ['arn:aws:iam::123456789012:role/a b/x', 'arnBadPath', 'path'],
    [`arn:aws:iam::123456789012:role/${'p/'.repeat(256)}x`, 'arnBadPath', 'path'],
    ['arn:aws:iam::123456789012:role/dockercloud role', 'roleNameInvalidCharacter', '" " is not allowed'],
    ['arn:aws:iam::123456789012:role/x:y', 'roleNameInvalidCharacter', '":" is not allowed'],
    [`arn:aws:iam::123456789012:role/${'r'.repeat(65)}`, 'roleNameTooLong', 'this one has 65'],
  ];
  for (const [input, id, words] of cases) {
    it(`${JSON.stringify(input.length > 70 ? `${input.slice(0, 60)}…` : input)} → ${id}`, () => {
      const result = parseRoleArn(input);
      expect(result.ok ? 'ok' : result.problem.message).toBe(id);
      expect(renderFailure(result)).toContain(words);
    });
  }

  it('an AWS managed policy ARN is called a policy ARN (account "aws")', () => {
    // Users copy the ARN of a policy they attached; managed policies have "aws" as account.
    expect(messageOf('arn:aws:iam::aws:policy/AmazonEC2FullAccess')).toBe('arnIsPolicy');
  });

  it('a Role ARN cut off anywhere after "arn:aws:iam::" and before the role name says it is cut off', () => {
    // Today "arn:aws:iam::123456789123" says "not an ARN: a Role ARN starts with arn:aws:iam::" (it does),
    // and "…:ro" says "This ARN names a ro, not a role".
    for (let end = 'arn:aws:iam::'.length; end < 'arn:aws:iam::123456789123:role/'.length; end++) {
      const cut = GUIDE_ARN.slice(0, end);
      expect(messageOf(cut), cut).toBe('arnTruncated');
    }
  });

  it('rejects a user ARN, in any partition, path or account (property)', () => {
    fc.assert(
      fc.property(partitionArb, accountIdArb, pathArb, roleNameArb, fc.constantFrom('user', 'policy'), (p, a, path, name, type) => {
        expect(messageOf(`arn:${p}:iam::${a}:${type}${path}${name}`)).toBe(type === 'user' ? 'arnIsUser' : 'arnIsPolicy');
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects any valid ARN with whitespace around it as padded (property)', () => {
    const ws = stringFrom(' \t\n\r\u00a0\u2003\ufeff', 1, 3);
    fc.assert(
      fc.property(roleArnArb, ws, ws, fc.integer({ min: 0, max: 2 }), (arn, before, after, where) => {
        const padded = where === 0 ? before + arn : where === 1 ? arn + after : before + arn + after;
        expect(messageOf(padded)).toBe('arnPadded');
      }),
      { numRuns: 2000 },
    );
  });

  it('no invalid ARN is accepted: accepts exactly the IAM rule, for mutated and random strings (property)', () => {
    const mutated = fc
      .tuple(roleArnArb, fc.nat(), fc.constantFrom('delete', 'insert', 'replace', 'truncate', 'double'), fc.constantFrom(...':/ aZ9-_.*@'))
      .map(([arn, i, op, c]) => {
        const at = i % (arn.length + 1);
        switch (op) {
          case 'delete':
            return arn.slice(0, at) + arn.slice(at + 1);
          case 'insert':
            return arn.slice(0, at) + c + arn.slice(at);
          case 'replace':
            return arn.slice(0, at) + c + arn.slice(at + 1);
          case 'truncate':
            return arn.slice(0, at);
          default:
            return arn + arn;
        }
      });
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ maxLength: 80 }), roleArnArb), (input) => {
        const result = parseRoleArn(input);
        const match = VALID_ROLE_ARN.exec(input);
        const expected = match !== null && (match[2]?.length ?? 0) <= 512;
        expect(result.ok, input).toBe(expected);
        if (!result.ok) expect(renderFailure(result).length).toBeGreaterThan(10);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('ROLE_ARN_IN_TEXT', () => {
  const find = (text: string) => [...text.matchAll(ROLE_ARN_IN_TEXT)].map((m) => m[0]);

  it('finds the ARN in the role Summary\'s text', () => {
    expect(find(`Summary\nARN\n${GUIDE_ARN}\nCreation date`)).toEqual([GUIDE_ARN]);
    expect(find(`"${GUIDE_ARN}"`)).toEqual([GUIDE_ARN]);
    expect(find(`Role ARN: ${GUIDE_ARN} (copy)`)).toEqual([GUIDE_ARN]);
  });

  it('ignores user, policy and assumed-role ARNs', () => {
    expect(
      find(
        'arn:aws:iam::123456789012:user/bob arn:aws:iam::123456789012:policy/dockercloud-policy arn:aws:sts::123456789012:assumed-role/r/s',
      ),
    ).toEqual([]);
  });

  it('covers every partition the parser accepts', () => {
    for (const p of PARTITIONS) expect(find(`x arn:${p}:iam::123456789012:role/r y`)).toEqual([`arn:${p}:iam::123456789012:role/r`]);
  });

  it('never reports a different, shorter role when the path has characters outside its class', () => {
    // IAM paths may hold any printable ASCII; "role/p!~/x" must not be read as the role "p".
    const found = find('Role arn:aws:iam::123456789012:role/p!~/x here');
    for (const f of found) expect(f).toBe('arn:aws:iam::123456789012:role/p!~/x');
  });

  it('finds every valid role ARN (path and name of [\\w+=,.@-]) in surrounding text, and what it finds parses (property)', () => {
    const simplePath = fc
      .array(stringFrom('abcXYZ019_+=,.@-', 1, 12), { maxLength: 4 })
      .map((segments) => (segments.length === 0 ? '/' : `/${segments.join('/')}/`));
    const arnArb = fc.record({ partition: partitionArb, accountId: accountIdArb, path: simplePath, roleName: roleNameArb }).map(roleArnOf);
    const sep = fc.constantFrom(' ', '\n', '"', '(', '<td>', '\t', ': ');
    fc.assert(
      fc.property(fc.array(arnArb, { minLength: 1, maxLength: 3 }), sep, (arns, s) => {
        // Brackets and quotes close around each ARN: "(" alone may begin an IAM path segment.
        const joiner = s === '"' ? '" "' : s === '(' ? ') (' : s;
        const text = `Role${s}${arns.join(joiner)}${s === '(' ? ')' : s}end`;
        const found = find(text);
        expect(found).toEqual(arns);
        for (const f of found) expect(parseRoleArn(f).ok).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
