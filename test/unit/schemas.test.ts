import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_NAME } from '../../src/core/docker-cloud';
import { captureRoleArn, complete, newLink, recordDockerCloudOutcome, verifyRole, type Link, type LinkSettings } from '../../src/core/flow';
import { roleNameFor, type Namespace } from '../../src/core/names';
import { buildPolicyDocument } from '../../src/core/policy';
import { diagnoseDockerCloudError } from '../../src/core/docker-errors';
import { EC2_REGIONS } from '../../src/core/regions';
import {
  awsPlanSchema,
  awsRequestSchema,
  dockerRequestSchema,
  dockerTaskSchema,
  emptyState,
  linkSettingsSchema,
  loadStoredState,
  observedRoleSchema,
  policyChoiceSchema,
  dockerTaskStatusSchema,
  popupRequestSchema,
  popupViewSchema,
  problemSchema,
  roleVerdictSchema,
  stateChangedSchema,
  storedStateSchema,
  type StoredState,
} from '../../src/core/schemas';
import { buildTrustPolicy } from '../../src/core/trust-policy';
import { namespaceArb, roleArnArb } from './arbitraries';

const ARN = 'arn:aws:iam::123456789012:role/dockercloud-role';
const ID = '0123456789abcdef0123456789abcdef';
const settings = (namespace = 'moby'): LinkSettings => ({
  namespace: namespace as Namespace,
  policy: { region: null, passRole: false },
  roleName: 'dockercloud-role',
  sharedAwsAccount: false,
});
const linked = (namespace = 'moby'): Link => {
  const r = captureRoleArn(newLink(settings(namespace)), ARN, 1);
  if (!r.ok) throw new Error(r.problem.message);
  const verified = verifyRole(
    r.value,
    { roleArn: ARN, trustPolicy: buildTrustPolicy({ externalId: namespace, requireMfa: false }), attachedPolicyNames: [POLICY_NAME] },
    2,
  );
  return recordDockerCloudOutcome(verified, { outcome: 'linked' }, 3);
};
const accepts = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown) => schema.safeParse(value).success;
const roundTrip = (state: StoredState) => loadStoredState(JSON.parse(JSON.stringify(state)) as unknown);

describe('loadStoredState', () => {
  it('nothing stored: an empty v2 state', () => {
    expect(loadStoredState(undefined)).toEqual({ state: emptyState(), recovered: null, unreadable: null });
    expect(loadStoredState(null)).toEqual({ state: { version: 2, links: {}, activeNamespace: null }, recovered: null, unreadable: null });
  });

  it('reads a v2 state as it is', () => {
    const state: StoredState = { version: 2, links: { moby: linked('moby'), teamawesome: linked('teamawesome') }, activeNamespace: 'teamawesome' as Namespace };
    expect(roundTrip(state)).toEqual({ state, recovered: null, unreadable: null });
  });

  it('migrates v1 (one link) to v2 (links by namespace, that one active)', () => {
    const link = linked('moby');
    expect(loadStoredState({ version: 1, link })).toEqual({
      state: { version: 2, links: { moby: link }, activeNamespace: 'moby' },
      recovered: null,
      unreadable: null,
    });
    expect(loadStoredState({ version: 1, link: null })).toEqual({ state: emptyState(), recovered: null, unreadable: null });
  });

  it('never guesses: unreadable data is reported as corrupt, a newer version as such, and kept aside as it was', () => {
    const corrupt = [
      'hello',
      42,
      [],
      {},
      { version: 2 },
      { version: 2, links: [] },
      { version: 1, link: { ...linked(), settings: { ...settings(), namespace: 'ab' } } },
      { version: '2', links: {}, activeNamespace: null },
    ];
    for (const raw of corrupt) {
      expect(loadStoredState(raw), JSON.stringify(raw).slice(0, 80)).toEqual({ state: emptyState(), recovered: 'corrupt', unreadable: { state: raw, links: {} } });
    }
    const newer = { version: 3, anything: true };
    expect(loadStoredState(newer)).toEqual({ state: emptyState(), recovered: 'newerVersion', unreadable: { state: newer, links: {} } });
  });

  it('one unreadable link costs only itself: the others are kept, it is set aside as it was', () => {
    const damaged = [
      { ...linked(), capturedRoleArn: 'arn:aws:iam::123456789012:user/bob' },
      { ...linked(), done: { arnSent: -1 } },
      { ...linked(), done: { bogusStep: 1 } },
      'garbage',
    ];
    for (const bad of damaged) {
      const raw = { version: 2, links: { moby: bad, teamawesome: linked('teamawesome') }, activeNamespace: 'moby' };
      expect(loadStoredState(raw), JSON.stringify(bad).slice(0, 80)).toEqual({
        state: { version: 2, links: { teamawesome: linked('teamawesome') }, activeNamespace: 'teamawesome' },
        recovered: null,
        unreadable: { links: { moby: bad } },
      });
    }
    // An active namespace that is not readable falls back to a kept one, losing nothing.
    expect(loadStoredState({ version: 2, links: {}, activeNamespace: 'Moby' })).toEqual({ state: emptyState(), recovered: null, unreadable: null });
  });

  it('a link filed under another namespace is set aside, not silently re-filed', () => {
    const raw = { version: 2, links: { teamawesome: linked('moby') }, activeNamespace: null };
    expect(loadStoredState(raw)).toEqual({ state: emptyState(), recovered: null, unreadable: { links: { teamawesome: linked('moby') } } });
  });

  it('every state the flow produces survives storage (property)', () => {
    const linkArb = fc
      .record({
        ns: namespaceArb,
        shared: fc.boolean(),
        region: fc.option(fc.constantFrom(...Object.keys(EC2_REGIONS.aws)), { nil: null }),
        passRole: fc.boolean(),
        arn: roleArnArb,
        externalId: fc.oneof(namespaceArb, fc.string({ unit: fc.constantFrom(...'ab_=@:/-'), minLength: 2, maxLength: 300 })),
        mfa: fc.boolean(),
        policies: fc.subarray([POLICY_NAME, 'AmazonEC2FullAccess']),
        error: fc.string({ maxLength: 2000 }),
        outcome: fc.constantFrom('linked', 'rejected', 'notSent'),
      })
      .map(({ ns, shared, region, passRole, arn, externalId, mfa, policies, error, outcome }) => {
        expect(buildPolicyDocument({ region, passRole }).ok).toBe(true);
        const s: LinkSettings = { namespace: ns, policy: { region, passRole }, roleName: roleNameFor(ns, shared), sharedAwsAccount: shared };
        let link = complete(newLink(s), 'policyCreated', 1);
        const r = captureRoleArn(link, arn, 2);
        if (r.ok) link = r.value;
        link = verifyRole(link, { roleArn: arn, trustPolicy: buildTrustPolicy({ externalId, requireMfa: mfa }), attachedPolicyNames: policies }, 3);
        const problem = diagnoseDockerCloudError(error);
        const result = outcome === 'linked' ? { outcome } : { outcome, problem };
        return recordDockerCloudOutcome(link, result as Parameters<typeof recordDockerCloudOutcome>[1], 4);
      });
    fc.assert(
      fc.property(fc.uniqueArray(linkArb, { selector: (l) => l.settings.namespace, maxLength: 3 }), (links) => {
        const state: StoredState = {
          version: 2,
          links: Object.fromEntries(links.map((l) => [l.settings.namespace, l])),
          activeNamespace: links[0]?.settings.namespace ?? null,
        };
        expect(roundTrip(state)).toEqual({ state, recovered: null, unreadable: null });
      }),
      { numRuns: 300 },
    );
  });
});

describe('what verifyRole records from an untrusted role page is storable', () => {
  const verifiedWith = (trustPolicy: string): StoredState => {
    const r = captureRoleArn(newLink(settings()), ARN, 1);
    if (!r.ok) throw new Error(r.problem.message);
    const link = verifyRole(r.value, { roleArn: ARN, trustPolicy, attachedPolicyNames: [POLICY_NAME] }, 2);
    return { version: 2, links: { moby: link }, activeNamespace: 'moby' as Namespace };
  };

  it('a role whose External ID is IAM\'s longest (1224 characters) does not make the stored state unreadable', () => {
    const state = verifiedWith(buildTrustPolicy({ externalId: 'x'.repeat(1224), requireMfa: false }));
    expect(accepts(observedRoleSchema, { roleArn: ARN, trustPolicy: buildTrustPolicy({ externalId: 'x'.repeat(1224), requireMfa: false }), attachedPolicyNames: [] })).toBe(true);
    expect(roundTrip(state).recovered).toBeNull();
  });

  it('a trust policy with 40 extra principals does not make the stored state unreadable', () => {
    const principals = Array.from({ length: 40 }, (_, i) => `arn:aws:iam::${String(100000000000 + i)}:user/u${i}`);
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: ['arn:aws:iam::689684103426:root', ...principals] },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'moby' } },
        },
      ],
    });
    expect(trust.length).toBeLessThan(16384);
    expect(roundTrip(verifiedWith(trust)).recovered).toBeNull();
  });
});

describe('problemSchema', () => {
  it('accepts a message id and up to 9 substitutions', () => {
    expect(accepts(problemSchema, { message: 'arnIsUser' })).toBe(true);
    expect(accepts(problemSchema, { message: 'trustWrongAccount', substitutions: ['123456789012'] })).toBe(true);
    expect(accepts(problemSchema, { message: 'x', substitutions: Array(9).fill('s') })).toBe(true);
  });

  it('rejects forged shapes', () => {
    expect(accepts(problemSchema, { message: 'x', substitutions: Array(10).fill('s') })).toBe(false);
    expect(accepts(problemSchema, { message: '<img src=x>' })).toBe(false);
    expect(accepts(problemSchema, { message: '' })).toBe(false);
    expect(accepts(problemSchema, { message: 'x'.repeat(65) })).toBe(false);
    expect(accepts(problemSchema, { message: 'x', substitutions: ['s'.repeat(1025)] })).toBe(false);
    expect(accepts(problemSchema, { message: 'x', substitutions: [1] })).toBe(false);
    expect(accepts(problemSchema, 'arnIsUser')).toBe(false);
  });
});

describe('policyChoiceSchema and linkSettingsSchema', () => {
  it('accept only EC2 regions and canonical namespaces and role names', () => {
    expect(accepts(policyChoiceSchema, { region: null, passRole: false })).toBe(true);
    expect(accepts(policyChoiceSchema, { region: 'us-west-2', passRole: true })).toBe(true);
    expect(accepts(policyChoiceSchema, { region: 'us-west-9', passRole: true })).toBe(false);
    expect(accepts(policyChoiceSchema, { region: 'toString', passRole: true })).toBe(false);
    expect(accepts(policyChoiceSchema, { region: null })).toBe(false);
    expect(accepts(linkSettingsSchema, settings())).toBe(true);
    for (const namespace of ['Moby', ' moby', 'mob', 'team-awesome', 'a'.repeat(31)]) {
      expect(accepts(linkSettingsSchema, { ...settings(), namespace }), namespace).toBe(false);
    }
    expect(accepts(linkSettingsSchema, { ...settings(), roleName: 'a/b' })).toBe(false);
    expect(accepts(linkSettingsSchema, { ...settings(), roleName: 'r'.repeat(65) })).toBe(false);
  });

  it('accept every valid namespace and derived role name (property)', () => {
    fc.assert(
      fc.property(namespaceArb, fc.boolean(), (ns, shared) => {
        const s = { ...settings(ns), roleName: roleNameFor(ns, shared), sharedAwsAccount: shared };
        expect(linkSettingsSchema.safeParse(s)).toEqual({ success: true, data: s });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('popupRequestSchema: one schema per message kind', () => {
  const valid = [
    { kind: 'getState' },
    { kind: 'saveLink', settings: settings() },
    { kind: 'selectLink', namespace: 'moby' },
    { kind: 'startOver', namespace: 'moby' },
    { kind: 'removeLink', namespace: 'moby' },
    { kind: 'openStep', namespace: 'moby', step: 'roleCreated' },
    { kind: 'enterRoleArn', namespace: 'moby', roleArn: ' not checked here ' },
    { kind: 'sendToDockerCloud', namespace: 'moby', replaceExisting: false },
    { kind: 'cancelDockerTask', namespace: 'moby' },
  ];
  it('accepts each kind with its fields', () => {
    for (const m of valid) expect(popupRequestSchema.safeParse(m), m.kind).toEqual({ success: true, data: m });
  });
  it('rejects unknown kinds, missing or wrong fields, and other senders\' kinds', () => {
    const invalid = [
      {},
      { kind: 'deleteEverything' },
      { kind: 'selectLink' },
      { kind: 'selectLink', namespace: 'Moby' },
      { kind: 'openStep', namespace: 'moby', step: 'done' },
      { kind: 'sendToDockerCloud', namespace: 'moby', replaceExisting: 'yes' },
      { kind: 'enterRoleArn', namespace: 'moby', roleArn: 'a'.repeat(2049) },
      { kind: 'awsGetPlan' },
      { kind: 'dockerGetTask' },
      null,
      'getState',
    ];
    for (const m of invalid) expect(accepts(popupRequestSchema, m), JSON.stringify(m)).toBe(false);
  });
});

describe('awsRequestSchema and observedRoleSchema', () => {
  const role = { roleArn: ARN, trustPolicy: buildTrustPolicy({ externalId: 'moby', requireMfa: false }), attachedPolicyNames: [POLICY_NAME] };
  it('accepts each kind', () => {
    for (const m of [
      { kind: 'awsGetPlan' },
      { kind: 'awsArm', namespace: 'moby' },
      { kind: 'awsPolicyCreated', namespace: 'moby', roleName: 'dockercloud-role', policyName: POLICY_NAME },
      { kind: 'awsRoleCreated', namespace: 'moby', roleName: 'dockercloud-role-moby' },
      { kind: 'awsRoleObserved', namespace: 'moby', roleName: 'dockercloud-role', role },
    ]) {
      expect(awsRequestSchema.safeParse(m), m.kind).toEqual({ success: true, data: m });
    }
  });
  it('bounds the untrusted page text', () => {
    expect(accepts(observedRoleSchema, role)).toBe(true);
    expect(accepts(observedRoleSchema, { ...role, trustPolicy: 'x'.repeat(16385) })).toBe(false);
    expect(accepts(observedRoleSchema, { ...role, attachedPolicyNames: Array(101).fill('p') })).toBe(false);
    expect(accepts(observedRoleSchema, { ...role, attachedPolicyNames: ['p'.repeat(129)] })).toBe(false);
    expect(accepts(awsRequestSchema, { kind: 'awsRoleCreated', namespace: 'moby', roleName: 'bad name' })).toBe(false);
    // Every report names its link: one without is refused.
    expect(accepts(awsRequestSchema, { kind: 'awsRoleCreated', roleName: 'dockercloud-role' })).toBe(false);
    expect(accepts(awsRequestSchema, { kind: 'awsRoleObserved', roleName: 'dockercloud-role', role })).toBe(false);
    expect(accepts(awsRequestSchema, { kind: 'getState' })).toBe(false);
  });
});

describe('dockerRequestSchema and dockerTaskSchema', () => {
  it('accepts every outcome the Docker Cloud page can report', () => {
    const results = [
      { outcome: 'linked' },
      { outcome: 'error', errorText: 'Invalid AWS role or insufficient permissions' },
      { outcome: 'namespaceMismatch', openNamespace: 'teamawesome' },
      { outcome: 'alreadyLinked', method: 'access-key' },
      { outcome: 'loggedOut' },
      { outcome: 'notFound', control: 'Role ARN field' },
      { outcome: 'timeout' },
    ];
    for (const result of results) {
      const m = { kind: 'dockerResult', id: ID, namespace: 'moby', result };
      expect(dockerRequestSchema.safeParse(m), result.outcome).toEqual({ success: true, data: m });
    }
    expect(accepts(dockerRequestSchema, { kind: 'dockerGetTask' })).toBe(true);
    expect(accepts(dockerRequestSchema, { kind: 'dockerSaving', id: ID })).toBe(true);
    // A result without its task's id is refused.
    expect(accepts(dockerRequestSchema, { kind: 'dockerResult', namespace: 'moby', result: { outcome: 'linked' } })).toBe(false);
    expect(accepts(dockerRequestSchema, { kind: 'dockerSaving', id: 'x' })).toBe(false);
  });
  it('rejects forged outcomes', () => {
    for (const result of [{ outcome: 'hacked' }, { outcome: 'error' }, { outcome: 'error', errorText: 'x'.repeat(1025) }, { outcome: 'alreadyLinked', method: 'magic' }]) {
      expect(accepts(dockerRequestSchema, { kind: 'dockerResult', id: ID, namespace: 'moby', result }), JSON.stringify(result)).toBe(false);
    }
  });
  it('a task carries a valid namespace and Role ARN, or is null', () => {
    expect(accepts(dockerTaskSchema, null)).toBe(true);
    const t = { id: ID, namespace: 'moby', roleArn: ARN, replaceExisting: true, saved: false };
    expect(accepts(dockerTaskSchema, t)).toBe(true);
    expect(accepts(dockerTaskSchema, { ...t, roleArn: 'arn:aws:iam::123456789012:user/x' })).toBe(false);
    expect(accepts(dockerTaskSchema, { ...t, roleArn: ` ${ARN}` })).toBe(false);
    expect(accepts(dockerTaskSchema, { ...t, id: undefined })).toBe(false);
  });
  it('a task accepts every valid Role ARN (property)', () => {
    fc.assert(
      fc.property(namespaceArb, roleArnArb, (namespace, roleArn) => {
        expect(accepts(dockerTaskSchema, { id: ID, namespace, roleArn, replaceExisting: false, saved: true })).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('awsPlanSchema, roleVerdictSchema, stateChangedSchema', () => {
  it('accepts the plan built from the core', () => {
    const doc = buildPolicyDocument({ region: 'us-west-2', passRole: true });
    if (!doc.ok) throw new Error('policy');
    const plan = {
      namespace: 'moby',
      externalId: 'moby',
      policyName: POLICY_NAME,
      policyDocument: doc.value,
      policyDescription: 'd',
      roleName: 'dockercloud-role',
      roleDescription: 'r',
      trustedAccountId: '689684103426',
      nextStep: 'policyCreated',
      task: 'createPolicy',
      armed: true,
    };
    expect(awsPlanSchema.safeParse(plan)).toEqual({ success: true, data: plan });
    expect(accepts(awsPlanSchema, null)).toBe(true);
    expect(accepts(awsPlanSchema, { ...plan, trustedAccountId: '68968410342' })).toBe(false);
    expect(accepts(awsPlanSchema, { ...plan, nextStep: null })).toBe(true);
  });
  it('accepts verdicts and state broadcasts', () => {
    expect(accepts(roleVerdictSchema, { problems: [{ message: 'trustMfaRequired' }] })).toBe(true);
    expect(accepts(roleVerdictSchema, { problems: [{ message: 'a b' }] })).toBe(false);
    expect(accepts(stateChangedSchema, { kind: 'stateChanged', state: emptyState() })).toBe(true);
    expect(accepts(stateChangedSchema, { kind: 'stateChanged', state: { version: 1, link: null } })).toBe(false);
    expect(accepts(storedStateSchema, { version: 2, links: { moby: linked() }, activeNamespace: 'moby' })).toBe(true);
  });
});

describe('dockerTaskStatusSchema and popupViewSchema', () => {
  const task = { id: ID, namespace: 'moby', roleArn: ARN, replaceExisting: false, tabId: 4, createdAt: 1, savingSince: null, alreadyLinked: 'access-key', replacing: null };
  it('accept the in-flight task and the popup\'s view', () => {
    expect(dockerTaskStatusSchema.safeParse(task)).toEqual({ success: true, data: task });
    expect(accepts(dockerTaskStatusSchema, null)).toBe(true);
    const view = { state: { version: 2, links: { moby: linked() }, activeNamespace: 'moby' }, dockerTask: task, recovered: 'corrupt', lostLinks: ['teamawesome'] };
    expect(popupViewSchema.safeParse(view)).toEqual({ success: true, data: view });
    expect(accepts(stateChangedSchema, { kind: 'stateChanged', state: emptyState(), dockerTask: null })).toBe(true);
  });
  it('reject a forged task or view', () => {
    expect(accepts(dockerTaskStatusSchema, { ...task, roleArn: 'arn:aws:iam::123456789012:user/x' })).toBe(false);
    expect(accepts(dockerTaskStatusSchema, { ...task, alreadyLinked: 'password' })).toBe(false);
    expect(accepts(dockerTaskStatusSchema, { ...task, namespace: 'Moby' })).toBe(false);
    expect(accepts(popupViewSchema, { state: emptyState(), dockerTask: null, recovered: 'lost' })).toBe(false);
    expect(accepts(popupViewSchema, { state: { version: 1, link: null }, dockerTask: null, recovered: null })).toBe(false);
  });
});
