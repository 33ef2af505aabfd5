// What the script and the template create, derived once from the link's settings with the console path's builders.
import type { LinkSettings } from './flow';
import { externalIdFor, validateRoleName } from './names';
import { buildPolicyDocument } from './policy';
import { ok, type Result } from './problem';
import { buildTrustPolicy } from './trust-policy';

export interface LinkDocuments {
  policyDocument: string;
  roleName: string;
  externalId: string;
  trustPolicy: string;
}

export function linkDocuments(settings: LinkSettings): Result<LinkDocuments> {
  const policyDocument = buildPolicyDocument(settings.policy);
  if (!policyDocument.ok) return policyDocument;
  const roleName = validateRoleName(settings.roleName);
  if (!roleName.ok) return roleName;
  const externalId = externalIdFor(settings.namespace);
  return ok({ policyDocument: policyDocument.value, roleName: roleName.value, externalId, trustPolicy: buildTrustPolicy({ externalId, requireMfa: false }) });
}
