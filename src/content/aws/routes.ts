/// <reference types="vite/client" />
// Where the console usually puts each IAM page: pure detectors over the URL, each with the URLs it was
// written for. They are hints (which page to look for first), never gates: a page is recognised by what it
// shows. IAM is one page (/iam/home, /iamv2/home in 2021–2023) with hash routes; the legacy console used
// "#roles" and "#/roles$new?step=…". The console's routes drift (step=addPermission, no step at all).

export interface IamRoute {
  /** The hash path without "#", leading or trailing "/": "roles/create", "roles$new", "policies". */
  path: string;
  query: URLSearchParams;
}

const IAM_PATH = /^\/iam(?:v2)?(?:\/home)?\/?$/;

/** The hash route of an IAM console URL, or null outside the IAM single-page app. */
export function iamRoute(url: URL): IamRoute | null {
  if (!IAM_PATH.test(url.pathname)) return null;
  const raw = url.hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q === -1 ? raw : raw.slice(0, q)).replace(/^\/+|\/+$/g, '');
  return { path, query: new URLSearchParams(q === -1 ? '' : raw.slice(q + 1)) };
}

export interface RouteDetector {
  id: string;
  /** URLs this detector was written for; each matches it and no other detector (see the unit test). */
  examples: string[];
  matches: (url: URL) => boolean;
}

const when =
  (test: (route: IamRoute) => boolean) =>
  (url: URL): boolean => {
    const route = iamRoute(url);
    return route !== null && test(route);
  };

/** Example URLs document and test the detectors; the shipped build leaves them out (size budget). */
const PROD = import.meta.env.PROD;

const step = (route: IamRoute) => route.query.get('step');
const G = 'https://console.aws.amazon.com/iam/home';
const R = 'https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1';

/** The role name in "#/roles/details/<name>" (current) or "#/roles/<name>" (legacy). */
export function roleNameInRoute(route: IamRoute): string | null {
  const match = /^roles\/(?:details\/)?([^/$]+)$/.exec(route.path);
  if (!match?.[1] || match[1] === 'create' || match[1] === 'details') return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export const policiesList: RouteDetector = {
  id: 'policiesList',
  examples: PROD ? [] : [`${G}#/policies`, `${R}#/policies`, `${G}#policies`, `${G}#/policies?filter=dockercloud`],
  matches: when((r) => r.path === 'policies'),
};

export const policyEditor: RouteDetector = {
  id: 'policyEditor',
  examples: PROD ? [] : [
    `${G}#/policies/create?step=addPermissions`,
    `${R}#/policies/create?step=addPermissions`,
    `${G}#/policies/create?step=edit`,
    `${G}#/policies/create`,
    'https://console.aws.amazon.com/iamv2/home#/policies/create?step=addPermissions',
  ],
  matches: when((r) => r.path === 'policies/create' && [null, 'addPermissions', 'edit'].includes(step(r))),
};

export const policyReview: RouteDetector = {
  id: 'policyReview',
  examples: PROD ? [] : [`${G}#/policies/create?step=review`, `${R}#/policies/create?step=review`],
  matches: when((r) => r.path === 'policies/create' && step(r) === 'review'),
};

export const rolesList: RouteDetector = {
  id: 'rolesList',
  examples: PROD ? [] : [`${G}#/roles`, `${R}#/roles`, `${G}#roles`],
  matches: when((r) => r.path === 'roles'),
};

export const roleTrustedEntity: RouteDetector = {
  id: 'roleTrustedEntity',
  examples: PROD ? [] : [
    `${G}#/roles/create?step=selectEntities`,
    `${R}#/roles/create?step=selectEntities&trustedEntityType=AWS_ACCOUNT&awsAccount=689684103426`,
    `${G}#/roles/create?step=type`,
    `${G}#/roles/create`,
    'https://111122223333-abcd1234.us-east-1.console.aws.amazon.com/iam/home?region=us-east-1#/roles/create?step=selectEntities',
  ],
  matches: when((r) => r.path === 'roles/create' && [null, 'selectEntities', 'type'].includes(step(r))),
};

export const rolePermissions: RouteDetector = {
  id: 'rolePermissions',
  examples: PROD ? [] : [`${G}#/roles/create?step=addPermissions`, `${R}#/roles/create?step=addPermissions`, `${G}#/roles/create?step=addPermission`],
  matches: when((r) => r.path === 'roles/create' && ['addPermissions', 'addPermission'].includes(step(r) ?? '')),
};

export const roleReview: RouteDetector = {
  id: 'roleReview',
  examples: PROD ? [] : [`${G}#/roles/create?step=review`, `${R}#/roles/create?step=review&roleName=dockercloud-role`],
  matches: when((r) => r.path === 'roles/create' && step(r) === 'review'),
};

export const roleDetails: RouteDetector = {
  id: 'roleDetails',
  examples: PROD ? [] : [
    `${G}#/roles/details/dockercloud-role`,
    `${R}#/roles/details/dockercloud-role-moby?section=trust_relationships`,
    `${G}#/roles/details/dockercloud-role?section=permissions`,
  ],
  matches: when((r) => r.path.startsWith('roles/details/') && roleNameInRoute(r) !== null),
};

export const legacyPolicyCreate: RouteDetector = {
  id: 'legacyPolicyCreate',
  examples: PROD ? [] : [`${G}#/policies$new`, `${G}#/policies$new?step=edit`, `${R}#policies$new?step=edit`],
  matches: when((r) => r.path === 'policies$new'),
};

export const legacyRoleCreate: RouteDetector = {
  id: 'legacyRoleCreate',
  examples: PROD ? [] : [
    `${G}#/roles$new?step=name`,
    `${G}#/roles$new?step=type&roleType=crossAccount&accountID=689684103426`,
    `${G}#roles$new?step=account`,
    `${R}#/roles$new?step=policy`,
    `${G}#/roles$new?step=review`,
  ],
  matches: when((r) => r.path === 'roles$new'),
};

export const legacyRoleDetails: RouteDetector = {
  id: 'legacyRoleDetails',
  examples: PROD ? [] : [`${G}#roles/dockercloud-role`, `${G}#/roles/dockercloud-role-moby`],
  matches: when((r) => !r.path.startsWith('roles/details/') && roleNameInRoute(r) !== null),
};

/** Every detector, for the unit test's "each example matches its own detector and no other". */
export const DETECTORS: RouteDetector[] = [
  policiesList,
  policyEditor,
  policyReview,
  rolesList,
  roleTrustedEntity,
  rolePermissions,
  roleReview,
  roleDetails,
  legacyPolicyCreate,
  legacyRoleCreate,
  legacyRoleDetails,
];
