// Docker Cloud names and the IAM names made from them.
import { DEFAULT_ROLE_NAME } from './docker-cloud';
import { fail, ok, type Result } from './problem';

/** A Docker ID or organization name: lowercase letters and digits, 4 to 30. */
export type Namespace = string & { readonly brand: 'Namespace' };

export const NAMESPACE_MIN = 4;
export const NAMESPACE_MAX = 30;
/** Also the CloudFormation template's AllowedPattern, so both accept the same names. */
export const NAMESPACE_PATTERN = /^[a-z0-9]+$/;

/** Surrounding whitespace is forgiven (names are often pasted); anything else is explained. */
export function parseNamespace(input: string): Result<Namespace> {
  const name = input.trim();
  if (name === '') return fail('namespaceEmpty');
  if (/\s/.test(name)) return fail('namespaceHasSpace');
  const lower = name.toLowerCase();
  if (lower !== name && NAMESPACE_PATTERN.test(lower) && lower.length >= NAMESPACE_MIN && lower.length <= NAMESPACE_MAX) {
    return fail('namespaceUppercase', lower);
  }
  const bad = [...name].find((c) => !/[a-z0-9]/.test(c));
  if (bad !== undefined) return fail('namespaceInvalidCharacter', bad);
  if (name.length < NAMESPACE_MIN) return fail('namespaceTooShort', name);
  if (name.length > NAMESPACE_MAX) return fail('namespaceTooLong', name);
  return ok(name as Namespace);
}

const EXTERNAL_ID_CHAR = /[\w+=,.@:/-]/;

export function validateExternalId(id: string): Result<string> {
  if (id.length < 2 || id.length > 1224) return fail('externalIdLength');
  const bad = [...id].find((c) => !EXTERNAL_ID_CHAR.test(c));
  return bad === undefined ? ok(id) : fail('externalIdInvalidCharacter', bad);
}

/** Docker Cloud checks the role's External ID against the namespace that links it. */
export function externalIdFor(namespace: Namespace): string {
  return namespace;
}

export const ROLE_NAME_MAX = 64;
export const ROLE_NAME_CHAR = /[\w+=,.@-]/;

export function validateRoleName(name: string): Result<string> {
  if (name === '') return fail('roleNameEmpty');
  const bad = [...name].find((c) => !ROLE_NAME_CHAR.test(c));
  if (bad !== undefined) return fail('roleNameInvalidCharacter', bad);
  if (name.length > ROLE_NAME_MAX) return fail('roleNameTooLong', String(name.length));
  return ok(name);
}

/** One role per namespace: the guide adds the namespace when one AWS account serves several. */
export function roleNameFor(namespace: Namespace, sharedAwsAccount: boolean): string {
  return sharedAwsAccount ? `${DEFAULT_ROLE_NAME}-${namespace}` : DEFAULT_ROLE_NAME;
}
