import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_CHOICE, buildPolicyDocument, type PolicyChoice } from '../../src/core/policy';
import { EC2_REGIONS } from '../../src/core/regions';
import { renderFailure } from './messages';

// The guide's two documents, verbatim (docs/link-aws-account), pretty-printed with two spaces.
const GUIDE_DEFAULT = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "ec2:*",
        "iam:ListInstanceProfiles"
      ],
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}`;

const GUIDE_REGION_LIMITED = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Action": [
        "ec2:*"
      ],
      "Effect": "Allow",
      "Resource": "*",
      "Condition": {
        "StringEquals": {
          "ec2:Region": "us-west-2"
        }
      }
    },
    {
      "Action": [
        "iam:ListInstanceProfiles"
      ],
      "Effect": "Allow",
      "Resource": "*"
    }
  ]
}`;

const value = (choice: PolicyChoice): string => {
  const r = buildPolicyDocument(choice);
  if (!r.ok) throw new Error(`unexpected failure ${r.problem.message}`);
  return r.value;
};

const AWS_REGIONS = Object.keys(EC2_REGIONS.aws);
const choiceArb = fc.record({ region: fc.option(fc.constantFrom(...AWS_REGIONS), { nil: null }), passRole: fc.boolean() });

// The default document exactly as the guide prints it inline, on one line, in its step "Name the policy".
const GUIDE_TEXT_DEFAULT = '{ "Version": "2012-10-17", "Statement": [ { "Action": [ "ec2:*", "iam:ListInstanceProfiles" ], "Effect": "Allow", "Resource": "*" } ] }';

/** JSON text as tokens: layout does not matter, key order and every value do. */
const tokens = (text: string): string[] => text.match(/"(?:[^"\\]|\\.)*"|[{}[\]:,]|[^\s{}[\]:,"]+/g) ?? [];

// Actions Docker Cloud needs, one it may need, and ones the policy must never grant.
const ACTIONS = [
  'ec2:RunInstances', 'ec2:DescribeRegions', 'EC2:TerminateInstances', 'iam:ListInstanceProfiles', 'iam:PassRole',
  'iam:ListInstanceProfilesForRole', 'iam:CreateRole', 'iam:AttachRolePolicy', 's3:GetObject', 'sts:AssumeRole', 'ec2messages:GetMessages',
];

interface PolicyStatement {
  Effect?: string;
  Action?: string | string[];
  NotAction?: unknown;
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}
interface PolicyDocument {
  Version?: string;
  Statement?: PolicyStatement | PolicyStatement[];
}

/** IAM's action patterns: case-insensitive, with "*" and "?" wildcards. */
const matchesAction = (pattern: string, action: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`, 'i').test(action);

/**
 * An independent reading of an identity policy, written from IAM's evaluation logic rather than from the
 * builder: allowed when an Allow statement matches the action on every resource ("*") and all its
 * conditions hold, and no Deny matches. Only the condition the guide uses is understood; any other fails.
 */
function allows(doc: PolicyDocument, action: string, region: string | undefined): boolean {
  if (doc.Version !== '2012-10-17') return false;
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  const applies = (s: PolicyStatement) => {
    if (s.NotAction !== undefined) return false;
    const actions = typeof s.Action === 'string' ? [s.Action] : (s.Action ?? []);
    const resources = typeof s.Resource === 'string' ? [s.Resource] : (s.Resource ?? []);
    if (!actions.some((p) => matchesAction(p, action)) || !resources.includes('*')) return false;
    return Object.entries(s.Condition ?? {}).every(
      ([operator, keys]) =>
        operator === 'StringEquals' &&
        Object.entries(keys).every(([key, want]) => key.toLowerCase() === 'ec2:region' && region !== undefined && (typeof want === 'string' ? [want] : want).includes(region)),
    );
  };
  return statements.some((s) => s.Effect === 'Allow' && applies(s)) && !statements.some((s) => s.Effect === 'Deny' && applies(s));
}

describe('buildPolicyDocument', () => {
  it('the default is exactly the guide\'s dockercloud-policy', () => {
    expect(DEFAULT_POLICY_CHOICE).toEqual({ region: null, passRole: false });
    expect(value(DEFAULT_POLICY_CHOICE)).toBe(GUIDE_DEFAULT);
  });

  it('the region-limited one is exactly the guide\'s second document for us-west-2', () => {
    expect(value({ region: 'us-west-2', passRole: false })).toBe(GUIDE_REGION_LIMITED);
  });

  it('iam:PassRole comes right after iam:ListInstanceProfiles, nothing else changes', () => {
    expect(value({ region: null, passRole: true })).toBe(
      GUIDE_DEFAULT.replace('"iam:ListInstanceProfiles"', '"iam:ListInstanceProfiles",\n        "iam:PassRole"'),
    );
    expect(value({ region: 'us-west-2', passRole: true })).toBe(
      GUIDE_REGION_LIMITED.replace('"iam:ListInstanceProfiles"', '"iam:ListInstanceProfiles",\n        "iam:PassRole"'),
    );
  });

  it('only the region changes for another region', () => {
    expect(value({ region: 'eu-central-1', passRole: false })).toBe(GUIDE_REGION_LIMITED.replace('us-west-2', 'eu-central-1'));
  });

  it('rejects a region that is not an EC2 region of AWS, naming it', () => {
    for (const region of ['us-west-9', 'US-WEST-2', ' us-west-2', '', 'toString', '__proto__', 'cn-north-1']) {
      const result = buildPolicyDocument({ region, passRole: false });
      expect(result).toEqual({ ok: false, problem: { message: 'regionUnknown', substitutions: [region] } });
    }
    expect(renderFailure(buildPolicyDocument({ region: 'mars-1', passRole: false }))).toBe('"mars-1" is not an EC2 region of AWS.');
  });

  it('every built policy means exactly what was chosen, evaluated action by action and region by region (property)', () => {
    const regionArb = fc.option(fc.constantFrom(...AWS_REGIONS, 'cn-north-1'), { nil: undefined });
    fc.assert(
      fc.property(choiceArb, fc.constantFrom(...ACTIONS), regionArb, (choice, action, region) => {
        const doc = JSON.parse(value(choice)) as PolicyDocument;
        const ec2 = action.toLowerCase().startsWith('ec2:');
        const expected =
          (ec2 && (choice.region === null || region === choice.region)) ||
          action === 'iam:ListInstanceProfiles' ||
          (action === 'iam:PassRole' && choice.passRole);
        expect(allows(doc, action, region), `${action} in ${String(region)}`).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('fits IAM\'s 6144-character managed-policy limit for every choice', () => {
    for (const region of [null, ...AWS_REGIONS]) {
      for (const passRole of [false, true]) expect(value({ region, passRole }).length).toBeLessThan(6144);
    }
  });

});

describe('the guide\'s own text', () => {
  it('the default document is the guide\'s inline one, token for token', () => {
    expect(tokens(value(DEFAULT_POLICY_CHOICE))).toEqual(tokens(GUIDE_TEXT_DEFAULT));
  });

  it('the guide\'s documents, read by the same evaluation, grant what the guide says they grant', () => {
    const guideDefault = JSON.parse(GUIDE_TEXT_DEFAULT) as PolicyDocument;
    const guideRegion = JSON.parse(GUIDE_REGION_LIMITED) as PolicyDocument;
    expect(allows(guideDefault, 'ec2:RunInstances', 'eu-west-1')).toBe(true);
    expect(allows(guideDefault, 'iam:ListInstanceProfiles', undefined)).toBe(true);
    expect(allows(guideDefault, 'iam:PassRole', undefined)).toBe(false);
    expect(allows(guideDefault, 's3:GetObject', undefined)).toBe(false);
    expect(allows(guideRegion, 'ec2:RunInstances', 'us-west-2')).toBe(true);
    expect(allows(guideRegion, 'ec2:RunInstances', 'eu-west-1')).toBe(false);
    expect(allows(guideRegion, 'ec2:RunInstances', undefined)).toBe(false);
    expect(allows(guideRegion, 'iam:ListInstanceProfiles', 'eu-west-1')).toBe(true);
  });
});
