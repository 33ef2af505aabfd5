import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY_CHOICE, buildPolicyDocument, canonicalJson, type PolicyChoice } from '../../src/core/policy';
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

type Doc = { Version: string; Statement: { Action: string[]; Effect: string; Resource: string; Condition?: unknown }[] };

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

  it('every built policy parses and round-trips through canonicalJson (all choices, then property)', () => {
    const roundTrips = (choice: PolicyChoice) => {
      const text = value(choice);
      return canonicalJson(JSON.parse(text)) === text;
    };
    for (const region of [null, ...AWS_REGIONS]) for (const passRole of [false, true]) expect(roundTrips({ region, passRole })).toBe(true);
    fc.assert(fc.property(choiceArb, roundTrips), { numRuns: 500 });
  });

  it('every built policy grants exactly what was chosen, in the guide\'s shape (property)', () => {
    fc.assert(
      fc.property(choiceArb, (choice) => {
        const doc = JSON.parse(value(choice)) as Doc;
        expect(Object.keys(doc)).toEqual(['Version', 'Statement']);
        expect(doc.Version).toBe('2012-10-17');
        const actions = doc.Statement.flatMap((s) => s.Action);
        expect(actions).toEqual(['ec2:*', 'iam:ListInstanceProfiles', ...(choice.passRole ? ['iam:PassRole'] : [])]);
        for (const s of doc.Statement) {
          expect(s.Effect).toBe('Allow');
          expect(s.Resource).toBe('*');
          expect(Object.keys(s).slice(0, 3)).toEqual(['Action', 'Effect', 'Resource']);
        }
        if (choice.region === null) {
          expect(doc.Statement).toHaveLength(1);
          expect(doc.Statement[0]?.Condition).toBeUndefined();
        } else {
          expect(doc.Statement).toHaveLength(2);
          expect(doc.Statement[0]?.Condition).toEqual({ StringEquals: { 'ec2:Region': choice.region } });
          expect(doc.Statement[1]?.Condition).toBeUndefined();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fits IAM\'s 6144-character managed-policy limit for every choice', () => {
    for (const region of [null, ...AWS_REGIONS]) {
      for (const passRole of [false, true]) expect(value({ region, passRole }).length).toBeLessThan(6144);
    }
  });

  it('accepts exactly the AWS partition\'s EC2 regions (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...AWS_REGIONS), fc.string({ maxLength: 20 })), fc.boolean(), (region, passRole) => {
        expect(buildPolicyDocument({ region, passRole }).ok).toBe(Object.hasOwn(EC2_REGIONS.aws, region));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('canonicalJson', () => {
  it('is two-space pretty JSON in insertion order', () => {
    expect(canonicalJson({ b: 1, a: [true, null] })).toBe('{\n  "b": 1,\n  "a": [\n    true,\n    null\n  ]\n}');
  });

  it('round-trips any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
