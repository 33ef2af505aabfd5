// Every page module's route detector, checked exhaustively against every example URL (as github-url-detection does),
// over the list the router runs.
import { describe, expect, it, vi } from 'vitest';
import { PAGES } from '../../src/content/aws/pages';
import { iamRoute, roleNameInRoute } from '../../src/content/aws/routes';
import { roleCreateHash } from '../../src/core/console-routes';

// The page modules reach the extension's APIs only when they run; importing them needs no browser.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const all = PAGES.flatMap((route) => route.examples.map((url) => ({ owner: route.id, url })));

describe('IAM route detectors', () => {
  it('have unique ids and at least one example each', () => {
    expect(new Set(PAGES.map((r) => r.id)).size).toBe(PAGES.length);
    for (const route of PAGES) expect(route.examples.length).toBeGreaterThan(0);
  });

  it.each(all)('$url matches $owner and no other detector', ({ owner, url }) => {
    const matching = PAGES.filter((r) => r.matches(new URL(url))).map((r) => r.id);
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
    expect(PAGES.filter((r) => r.matches(new URL(url))).map((r) => r.id)).toEqual([]);
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
    expect(PAGES.filter((r) => r.matches(url)).map((r) => r.id)).toEqual(['roleTrustedEntity']);
    const query = iamRoute(url)?.query;
    expect(query?.get('awsAccount')).toBe('689684103426');
    expect(query?.get('externalId')).toBe('moby');
  });
});
