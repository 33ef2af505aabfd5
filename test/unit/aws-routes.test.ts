// Every route detector (the pages' URL hints), checked exhaustively against every example URL (as
// github-url-detection does), and the page registrations the router, step labels and drift matrix derive from.
import { describe, expect, it, vi } from 'vitest';
import { PAGES } from '../../src/content/aws/pages';
import { DETECTORS, iamRoute, roleNameInRoute } from '../../src/content/aws/routes';
import { STEPS } from '../../src/core/flow';
import { roleCreateHash } from '../../src/core/console-routes';

// The page modules reach the extension's APIs only when they run; importing them needs no browser.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const all = DETECTORS.flatMap((route) => route.examples.map((url) => ({ owner: route.id, url })));

describe('IAM route detectors', () => {
  it('have unique ids and at least one example each', () => {
    expect(new Set(DETECTORS.map((r) => r.id)).size).toBe(DETECTORS.length);
    for (const route of DETECTORS) expect(route.examples.length).toBeGreaterThan(0);
  });

  it.each(all)('$url matches $owner and no other detector', ({ owner, url }) => {
    const matching = DETECTORS.filter((r) => r.matches(new URL(url))).map((r) => r.id);
    expect(matching).toEqual([owner]);
  });

  it.each([
    'https://console.aws.amazon.com/iam/home',
    'https://console.aws.amazon.com/iam/home#/home',
    'https://console.aws.amazon.com/iam/home#/users',
    'https://console.aws.amazon.com/iam/home#/policies/details/arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy%2Fdockercloud-policy',
    'https://console.aws.amazon.com/iam/home#/roles/create?step=somethingNew',
    'https://console.aws.amazon.com/ec2/home#/roles/create?step=selectEntities',
    'https://console.aws.amazon.com/iam/other#/roles',
    'https://console.aws.amazon.com/iam/home#/roles/details/',
  ])('%s matches no detector', (url) => {
    expect(DETECTORS.filter((r) => r.matches(new URL(url))).map((r) => r.id)).toEqual([]);
  });

  it('reads the role name of current and legacy role pages', () => {
    const name = (url: string) => {
      const route = iamRoute(new URL(url));
      return route && roleNameInRoute(route);
    };
    expect(name('https://console.aws.amazon.com/iam/home#/roles/details/dockercloud-role?section=permissions')).toBe('dockercloud-role');
    expect(name('https://console.aws.amazon.com/iam/home#roles/dockercloud-role-moby')).toBe('dockercloud-role-moby');
    expect(name('https://console.aws.amazon.com/iam/home#/roles/create')).toBeNull();
    expect(name('https://console.aws.amazon.com/iam/home#/roles/details/%E0%A4%A')).toBeNull();
  });

  it('builds a create-role link that the trusted-entity detector recognises', () => {
    const hash = roleCreateHash({ trustedAccountId: '689684103426', externalId: 'moby', roleName: 'dockercloud-role' });
    const url = new URL(`https://console.aws.amazon.com/iam/home${hash}`);
    expect(DETECTORS.filter((r) => r.matches(url)).map((r) => r.id)).toEqual(['roleTrustedEntity']);
    const query = iamRoute(url)?.query;
    expect(query?.get('awsAccount')).toBe('689684103426');
    expect(query?.get('externalId')).toBe('moby');
  });
});

describe('IAM page registrations', () => {
  it('have unique ids, and hints every one of which is a tested detector', () => {
    expect(new Set(PAGES.map((p) => p.id)).size).toBe(PAGES.length);
    for (const page of PAGES) {
      expect(page.hints.length, page.id).toBeGreaterThan(0);
      for (const hint of page.hints) expect(DETECTORS, page.id).toContain(hint);
    }
  });

  it('label each page "Step n of m" as the popup checklist counts its steps', () => {
    for (const page of PAGES) expect(page.step, page.id).toEqual([STEPS.indexOf(page.checklistStep) + 1, STEPS.length]);
    const byId = Object.fromEntries(PAGES.map((p) => [p.id, p.step[0]]));
    expect([byId.policyEditor, byId.policyReview, byId.legacyPolicyEdit]).toEqual([1, 1, 1]);
    expect([byId.roleTrustedEntity, byId.rolePermissions, byId.roleReview, byId.legacyRoleName]).toEqual([2, 2, 2, 2]);
    expect(byId.roleDetails).toBe(4);
  });

  it('open the 2016 console page for every create link of the current console', () => {
    const route = (hash: string) => iamRoute(new URL(`https://console.aws.amazon.com/iam/home${hash}`))!;
    const counterpart = (id: string, hash: string) => PAGES.find((p) => p.id === id)?.legacyCounterpart?.(route(hash), {} as never);
    expect(counterpart('policyEditor', '#/policies/create?step=addPermissions')).toBe('#/policies$new');
    expect(counterpart('roleTrustedEntity', '#/roles/create?step=selectEntities')).toBe('#/roles$new?step=name');
    expect(counterpart('roleDetails', '#/roles/details/dockercloud-role')).toBe('#roles/dockercloud-role');
  });

  it('match /iamv2/ and multi-session hosts as the console IAM app', () => {
    expect(iamRoute(new URL('https://console.aws.amazon.com/iamv2/home?region=us-east-1#/roles'))?.path).toBe('roles');
    expect(iamRoute(new URL('https://111122223333-abcd1234.us-east-1.console.aws.amazon.com/iam/home#/roles'))?.path).toBe('roles');
    expect(iamRoute(new URL('https://console.aws.amazon.com/iamv3/home#/roles'))).toBeNull();
    expect(iamRoute(new URL('https://console.aws.amazon.com/iam2/home#/roles'))).toBeNull();
  });
});
