// The region table checked against AWS's own partition data, as the AWS SDK for JavaScript ships it
// (a dev dependency pinned in package.json): a region missing, misspelt or in the wrong partition fails
// here, and so does a region the SDK gains when the dependency is bumped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import sdk from '@aws-sdk/util-endpoints/dist-cjs/lib/aws/partitions.json' with { type: 'json' };
import { ROLE_ARN_IN_TEXT, parseRoleArn } from '../../src/core/arn';
import { buildPolicyDocument } from '../../src/core/policy';
import { EC2_REGIONS, PARTITIONS, isEc2Region, type Partition } from '../../src/core/regions';

interface SdkPartition {
  id: string;
  regionRegex: string;
  regions: Record<string, { description: string }>;
}
const SDK: SdkPartition[] = sdk.partitions.map(({ id, regionRegex, regions }) => ({
  id,
  regionRegex,
  regions: Object.fromEntries(Object.entries(regions).flatMap(([code, r]) => (r ? [[code, r]] : []))),
}));

/** The SDK's regions of a partition, without its "aws-global"-style pseudo-regions (not places EC2 runs). */
function sdkRegions(p: SdkPartition): [code: string, name: string][] {
  return Object.entries(p.regions)
    .filter(([code]) => !code.endsWith('-global'))
    .map(([code, { description }]) => [code, description]);
}

/** Names compared as a reader would: the console writes "São Paulo" and "US ISO West", the SDK "Sao Paulo" and "US ISO WEST". */
const folded = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('EC2_REGIONS against the AWS SDK\'s partition data', () => {
  it('has exactly the SDK\'s partitions', () => {
    expect([...PARTITIONS].sort()).toEqual(SDK.map((p) => p.id).sort());
  });

  it.each(SDK.map((p) => [p.id, p] as const))('%s: exactly the SDK\'s regions, with the same names', (id, p) => {
    const ours = EC2_REGIONS[id as Partition];
    expect(Object.keys(ours).sort()).toEqual(sdkRegions(p).map(([code]) => code).sort());
    for (const [code, name] of sdkRegions(p)) expect(folded(ours[code as keyof typeof ours] ?? ''), code).toBe(folded(name));
  });

  it('every code fits its partition\'s region pattern (as the SDK states it)', () => {
    for (const p of SDK) {
      for (const code of Object.keys(EC2_REGIONS[p.id as Partition] ?? {})) expect(code).toMatch(new RegExp(p.regionRegex));
    }
  });
});

describe('isEc2Region', () => {
  it('is true exactly for the SDK\'s regions of the partition asked, the commercial one by default (property)', () => {
    const all = SDK.flatMap((p) => sdkRegions(p).map(([code]) => code));
    const partitionArb = fc.constantFrom(...SDK);
    fc.assert(
      fc.property(partitionArb, fc.oneof(fc.constantFrom(...all, 'aws-global', 'toString', '__proto__', 'US-WEST-2', 'us-west-2 '), fc.string({ maxLength: 16 })), (p, code) => {
        const expected = sdkRegions(p).some(([c]) => c === code);
        expect(isEc2Region(code, p.id as Partition)).toBe(expected);
        if (p.id === 'aws') expect(isEc2Region(code)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('the guide\'s example region and the other partitions\' regions, by hand', () => {
    expect(isEc2Region('us-west-2')).toBe(true);
    expect(EC2_REGIONS.aws['us-west-2']).toBe('US West (Oregon)');
    expect(isEc2Region('cn-north-1')).toBe(false);
    expect(isEc2Region('cn-north-1', 'aws-cn')).toBe(true);
    expect(isEc2Region('us-west-2', 'aws-us-gov')).toBe(false);
  });
});

describe('what uses the table', () => {
  it('the region-limited policy can be built for every commercial region and no other', () => {
    for (const p of SDK) {
      for (const [code] of sdkRegions(p)) expect(buildPolicyDocument({ region: code, passRole: false }).ok, `${p.id} ${code}`).toBe(p.id === 'aws');
    }
  });

  it('a Role ARN of every partition parses, and is found in page text', () => {
    for (const p of SDK) {
      const arn = `arn:${p.id}:iam::123456789012:role/dockercloud-role`;
      expect(parseRoleArn(arn)).toMatchObject({ ok: true, value: { partition: p.id } });
      expect(`Role ARN ${arn} copied`.match(new RegExp(ROLE_ARN_IN_TEXT.source, 'g'))).toEqual([arn]);
    }
  });
});
