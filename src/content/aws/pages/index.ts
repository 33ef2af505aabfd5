// Every console page the extension acts on, in the order the user meets them.
import type { ConsolePage } from '../page';
import legacyPolicy from './legacy-policy';
import legacyRole, { legacyRolePage } from './legacy-role';
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
  rolesList,
  roleTrustedEntity,
  rolePermissions,
  roleReview,
  roleDetails,
  legacyPolicy,
  legacyRole,
  legacyRolePage,
];
