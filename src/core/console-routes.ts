// The IAM console's hash routes the extension links to, shared by the background (checklist buttons) and the
// console content script (its "go on" actions).

/** The create-role wizard with the console's prefill parameters (honoured or not: the page module checks every field). */
export function roleCreateHash(role: { trustedAccountId: string; externalId: string; roleName: string }): string {
  const query = new URLSearchParams({
    step: 'selectEntities',
    trustedEntityType: 'AWS_ACCOUNT',
    awsAccount: role.trustedAccountId,
    isThirdParty: 'true',
    externalId: role.externalId,
    roleName: role.roleName,
  });
  return `#/roles/create?${query}`;
}

export const CREATE_POLICY_HASH = '#/policies/create?step=addPermissions';

/** Role names use only [\w+=,.@-], all of which a URL fragment takes as they are (as the console's own links do). */
export const roleDetailsHash = (roleName: string): string => `#/roles/details/${roleName}`;
