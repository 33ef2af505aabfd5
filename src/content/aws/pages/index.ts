// Every console page the extension acts on, in the order the user meets them: the one list the router
// recognises pages from (each module's definePage is its only declaration).
import type { ConsolePage } from '../page';
import legacyPolicyChoose from './legacy-policy-choose';
import legacyPolicyEdit from './legacy-policy-edit';
import legacyRoleAccount from './legacy-role-account';
import legacyRoleName from './legacy-role-name';
import legacyRoleReview from './legacy-role-review';
import legacyRoleType from './legacy-role-type';
import policiesList from './policies-list';
import policyEditor from './policy-editor';
import policyReview from './policy-review';
import roleDetails from './role-details';
import rolePermissions from './role-permissions';
import roleReview from './role-review';
import roleTrustedEntity from './role-trusted-entity';
import rolesList from './roles-list';

export const PAGES: ConsolePage[] = [
  policiesList,
  policyEditor,
  policyReview,
  legacyPolicyChoose,
  legacyPolicyEdit,
  rolesList,
  legacyRoleName,
  roleTrustedEntity,
  legacyRoleType,
  legacyRoleAccount,
  rolePermissions,
  roleReview,
  legacyRoleReview,
  roleDetails,
];
