// Shared fast-check generators for the core's inputs.
import fc from 'fast-check';
import { DOCKER_CLOUD_ACCOUNT_ID } from '../../src/core/docker-cloud';
import type { Namespace } from '../../src/core/names';
import { PARTITIONS } from '../../src/core/regions';

const LOWER_DIGITS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ROLE_NAME_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+=,.@_-';

const charFrom = (alphabet: string) => fc.constantFrom(...alphabet);
export const stringFrom = (alphabet: string, minLength: number, maxLength: number) =>
  fc.string({ unit: charFrom(alphabet), minLength, maxLength });

/** A valid Docker ID or organization name. */
export const namespaceArb = stringFrom(LOWER_DIGITS, 4, 30).map((s) => s as Namespace);

export const roleNameArb = stringFrom(ROLE_NAME_CHARS, 1, 64);

/** An IAM path: "/" or "/seg/…/", each segment of printable ASCII except "/". */
export const pathArb = fc
  .array(stringFrom('abcXYZ019_+=,.@-!~', 1, 12), { maxLength: 4 })
  .map((segments) => (segments.length === 0 ? '/' : `/${segments.join('/')}/`));

export const accountIdArb = stringFrom('0123456789', 12, 12);
export const otherAccountIdArb = accountIdArb.filter((a) => a !== DOCKER_CLOUD_ACCOUNT_ID);

export const partitionArb = fc.constantFrom(...PARTITIONS);

export const roleArnPartsArb = fc.record({
  partition: partitionArb,
  accountId: accountIdArb,
  path: pathArb,
  roleName: roleNameArb,
});

export const roleArnOf = (p: { partition: string; accountId: string; path: string; roleName: string }) =>
  `arn:${p.partition}:iam::${p.accountId}:role${p.path}${p.roleName}`;

export const roleArnArb = roleArnPartsArb.map(roleArnOf);
