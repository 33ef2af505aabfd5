// Role ARNs, read strictly: a wrong ARN in Docker Cloud fails far from where it was made.
import { validateRoleName } from './names';
import { fail, ok, type Result } from './problem';
import { PARTITIONS, type Partition } from './regions';

export interface RoleArn {
  arn: string;
  partition: Partition;
  accountId: string;
  /** "/" or "/a/b/": the role's path. */
  path: string;
  roleName: string;
}

const PATH_MAX = 512;
const ROLE_ARN_SHAPE = 'arn:aws:iam::000000000000:role/';

/** A Role ARN cut off before its name: a prefix of the shape once partition and digits are normalized. */
function isCutOff(input: string): boolean {
  const normalized = input.replace(/^arn:aws-[a-z-]*/, 'arn:aws').replace(/::\d{1,12}/, (m) => `::${'0'.repeat(m.length - 2)}`);
  return normalized.length > 'arn:aws:iam::'.length - 1 && ROLE_ARN_SHAPE.startsWith(normalized);
}

export function parseRoleArn(input: string): Result<RoleArn> {
  if (input.trim() === '') return fail('arnEmpty');
  if (input !== input.trim()) return fail('arnPadded');
  if (isCutOff(input)) return fail('arnTruncated');
  const parts = input.split(':');
  if (parts[0] !== 'arn' || parts.length < 6) return fail('arnNotAnArn');
  const [, partition = '', service = '', region = '', accountId = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (!(PARTITIONS as readonly string[]).includes(partition)) return fail('arnUnknownPartition', partition);
  if (service === 'sts' && resource.startsWith('assumed-role/')) return fail('arnAssumedRole');
  if (service !== 'iam') return fail('arnNotIam', service);
  if (region !== '') return fail('arnHasRegion', region);
  const slash = resource.indexOf('/');
  const type = slash === -1 ? resource : resource.slice(0, slash);
  // Said before the account check: AWS managed policies have "aws" where the account goes.
  if (type === 'user') return fail('arnIsUser');
  if (type === 'policy') return fail('arnIsPolicy');
  if (!/^\d{12}$/.test(accountId)) return fail('arnBadAccount', accountId);
  if (type === '') return fail('arnTruncated');
  if (type !== 'role') return fail('arnNotRole', type);
  const rest = resource.slice(slash + 1);
  if (slash === -1 || rest === '' || rest.endsWith('/')) return fail('arnTruncated');
  const lastSlash = rest.lastIndexOf('/');
  const path = lastSlash === -1 ? '/' : `/${rest.slice(0, lastSlash + 1)}`;
  const roleName = rest.slice(lastSlash + 1);
  if (path.length > PATH_MAX || !/^\/([\x21-\x2e\x30-\x7e]+\/)*$/.test(path)) return fail('arnBadPath');
  const name = validateRoleName(roleName);
  if (!name.ok) return name;
  return ok({ arn: input, partition: partition as Partition, accountId, path, roleName });
}

/**
 * Role ARNs in page text (a second source beside the Summary's copy button): a path of any printable
 * characters, then a whole role name, so neither an unusual path nor trailing punctuation changes the role.
 */
export const ROLE_ARN_IN_TEXT =
  /\barn:aws(?:-cn|-us-gov|-eusc|-iso(?:-[a-z])?)?:iam::\d{12}:role\/(?:[^\s"'<>`]{0,511}\/)?[\w+=,.@-]{1,64}(?![\w+=,.@-])/g;
