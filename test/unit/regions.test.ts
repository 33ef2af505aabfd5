import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLE_ARN_IN_TEXT } from '../../src/core/arn';
import { EC2_REGIONS, PARTITIONS, isEc2Region, type Partition } from '../../src/core/regions';

describe('EC2_REGIONS', () => {
  it('covers the partitions Role ARNs can name', () => {
    expect(PARTITIONS).toEqual(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f']);
    for (const p of PARTITIONS) expect(`arn:${p}:iam::123456789012:role/r`).toMatch(new RegExp(ROLE_ARN_IN_TEXT.source));
  });

  it('has the guide\'s example region and the commercial ones users pick', () => {
    expect(EC2_REGIONS.aws['us-west-2']).toBe('US West (Oregon)');
    for (const r of ['us-east-1', 'us-east-2', 'us-west-1', 'eu-west-1', 'eu-central-1', 'ap-northeast-1', 'ap-southeast-2', 'sa-east-1']) {
      expect(isEc2Region(r), r).toBe(true);
    }
  });

  it('every partition has regions with well-formed codes and unique, non-empty names', () => {
    const allCodes: string[] = [];
    for (const p of PARTITIONS) {
      const regions = Object.entries(EC2_REGIONS[p]);
      expect(regions.length, p).toBeGreaterThan(0);
      const names = regions.map(([, name]) => name);
      expect(new Set(names).size, p).toBe(names.length);
      for (const [code, name] of regions) {
        expect(code).toMatch(/^[a-z]{2}(-[a-z]+)+-\d$/);
        expect(name.trim()).toBe(name);
        expect(name.length).toBeGreaterThan(0);
        allCodes.push(code);
      }
    }
    expect(new Set(allCodes).size).toBe(allCodes.length);
  });

  it('partition-specific prefixes sit in their partition', () => {
    for (const code of Object.keys(EC2_REGIONS['aws-cn'])) expect(code.startsWith('cn-')).toBe(true);
    for (const code of Object.keys(EC2_REGIONS['aws-us-gov'])) expect(code.startsWith('us-gov-')).toBe(true);
    for (const code of Object.keys(EC2_REGIONS.aws)) expect(code).not.toMatch(/^cn-|gov|iso/);
  });
});

describe('isEc2Region', () => {
  it('defaults to the aws partition and respects the one given', () => {
    expect(isEc2Region('cn-north-1')).toBe(false);
    expect(isEc2Region('cn-north-1', 'aws-cn')).toBe(true);
    expect(isEc2Region('us-gov-west-1', 'aws-us-gov')).toBe(true);
    expect(isEc2Region('us-west-2', 'aws-us-gov')).toBe(false);
  });

  it('is not fooled by inherited object keys or near misses', () => {
    for (const p of PARTITIONS) {
      for (const bad of ['toString', 'constructor', '__proto__', 'hasOwnProperty', '', 'US-WEST-2', 'us-west-2 ', 'us-west']) {
        expect(isEc2Region(bad, p), `${p} ${bad}`).toBe(false);
      }
    }
  });

  it('is true exactly for the listed codes (property)', () => {
    const listed = PARTITIONS.flatMap((p) => Object.keys(EC2_REGIONS[p]).map((code) => [p, code] as [Partition, string]));
    fc.assert(
      fc.property(fc.constantFrom(...PARTITIONS), fc.oneof(fc.constantFrom(...listed.map(([, c]) => c)), fc.string({ maxLength: 16 })), (p, code) => {
        expect(isEc2Region(code, p)).toBe(listed.some(([lp, lc]) => lp === p && lc === code));
      }),
      { numRuns: 2000 },
    );
  });
});
