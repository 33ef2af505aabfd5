import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoleUrl, roleDetailsUrl, stepUrl } from '../../src/background/steps';
import { newLink } from '../../src/core/flow';
import { namespaceArb, roleNameArb } from './arbitraries';

const linkFor = (namespace: string, roleName: string) =>
  newLink({ namespace: namespace as never, policy: { region: null, passRole: false }, roleName, sharedAwsAccount: false });

describe('step URLs', () => {
  it('prefills the role wizard with exactly the namespace and role name, whatever they are', () => {
    fc.assert(
      fc.property(namespaceArb, roleNameArb, (ns, roleName) => {
        const url = new URL(createRoleUrl(linkFor(ns, roleName)));
        expect(`${url.origin}${url.pathname}`).toBe('https://console.aws.amazon.com/iam/home');
        const [route, query] = url.hash.slice(1).split('?');
        expect(route).toBe('/roles/create');
        expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
          step: 'selectEntities',
          trustedEntityType: 'AWS_ACCOUNT',
          awsAccount: '689684103426',
          isThirdParty: 'true',
          externalId: ns,
          roleName,
        });
      }),
    );
  });

  it('opens the captured role\'s page, else the planned one', () => {
    const link = linkFor('moby', 'dockercloud-role');
    expect(roleDetailsUrl(link)).toBe('https://console.aws.amazon.com/iam/home#/roles/details/dockercloud-role');
    const captured = { ...link, capturedRoleArn: 'arn:aws:iam::123456789012:role/team/ci+docker@x' };
    expect(stepUrl(captured, 'roleVerified')).toBe('https://console.aws.amazon.com/iam/home#/roles/details/ci+docker@x');
  });
});
