// Property tests for the boundaries not covered elsewhere: the background's sender policy over random
// senders, every message schema and the stored-state loader over random junk (never throwing, never
// accepting what they should not), the content scripts' readers, and the reducer over random sequences of
// well-formed messages from every part (every state it makes is storable; no step completes without its rule).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reduce, type Incoming, type World } from '../../src/background/reducer';
import { classifySender, type Extension, type Sender } from '../../src/background/sender';
import { readPlan, readVerdict } from '../../src/content/aws/answers';
import { iamRoute } from '../../src/content/aws/routes';
import { openNamespace } from '../../src/content/docker/page';
import { readTask } from '../../src/content/docker/task';
import { POLICY_NAME } from '../../src/core/docker-cloud';
import { STEPS } from '../../src/core/flow';
import {
  awsPlanSchema,
  awsRequestSchema,
  dockerRequestSchema,
  dockerTaskSchema,
  dockerTaskStatusSchema,
  emptyState,
  loadStoredState,
  popupRequestSchema,
  popupViewSchema,
  roleVerdictSchema,
  stateChangedSchema,
  storedStateSchema,
} from '../../src/core/schemas';
import { buildTrustPolicy } from '../../src/core/trust-policy';
import { namespaceArb, roleArnArb, roleNameArb, stringFrom } from './arbitraries';

const ext: Extension = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/', popupPath: '/src/popup/index.html' };

describe('classifySender over random senders', () => {
  const hostArb = fc.oneof(
    fc.constantFrom('console.aws.amazon.com', 'us-east-1.console.aws.amazon.com', 'cloud.docker.com', 'hub.docker.com', 'evil.example'),
    fc.constantFrom('console.aws.amazon.com.evil.example', 'a.b.console.aws.amazon.com', 'evilconsole.aws.amazon.com', 'cloud.docker.com.evil.example', 'xn--cnsole-7ya.aws.amazon.com'),
    fc.domain(),
    stringFrom('abcdefghijklmnopqrstuvwxyz0123456789-.', 1, 70).map((s) => `${s}.console.aws.amazon.com`),
  );
  const urlArb = fc.oneof(
    fc.record({
      scheme: fc.constantFrom('https:', 'http:', 'wss:', 'file:', 'chrome-extension:'),
      host: hostArb,
      port: fc.constantFrom('', ':443', ':8443', ':80'),
      path: fc.constantFrom('/iam/home', '/iam/', '/ec2/home', '/', '/app/moby/settings', '/src/popup/index.html', '/iam', '/IAM/home', '/%2e%2e/iam/'),
      hash: fc.constantFrom('', '#/roles', '#/iam/'),
    }).map(({ scheme, host, port, path, hash }) => `${scheme}//${host}${port}${path}${hash}`),
    fc.constantFrom(`${ext.origin}src/popup/index.html`, `${ext.origin}src/popup/index.html?x=1#y`, `${ext.origin}src/other.html`, `${ext.origin}`, 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/src/popup/index.html'),
    fc.webUrl({ withFragments: true, withQueryParameters: true }),
    fc.string({ maxLength: 200 }),
  );
  const senderArb = fc.record(
    {
      id: fc.oneof(fc.constant(ext.id), fc.constant('zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'), fc.string({ maxLength: 40 })),
      url: urlArb,
      frameId: fc.oneof(fc.constant(0), fc.integer({ min: -1, max: 50 })),
      tab: fc.constantFrom({ id: 3 }, null),
    },
    { requiredKeys: [] },
  ).map((s) => ({ ...s, tab: s.tab === null ? undefined : s.tab }) as Sender);

  /** The policy stated independently: who may be which role. */
  function expected(s: Sender): 'popup' | 'aws' | 'docker' | null {
    if (s.id !== ext.id || typeof s.url !== 'string') return null;
    let url: URL;
    try {
      url = new URL(s.url);
    } catch {
      return null;
    }
    if (s.url.startsWith(ext.origin)) return url.pathname === ext.popupPath && (s.frameId === undefined || s.frameId === 0) ? 'popup' : null;
    if (s.tab === undefined || s.frameId !== 0 || url.protocol !== 'https:' || url.port !== '') return null;
    const labels = url.hostname.split('.');
    const console = url.hostname === 'console.aws.amazon.com' || (labels.length === 5 && url.hostname.endsWith('.console.aws.amazon.com') && /^[a-z0-9-]{1,63}$/.test(labels[0] ?? ''));
    if (console) return url.pathname.startsWith('/iam/') ? 'aws' : null;
    return url.hostname === 'cloud.docker.com' ? 'docker' : null;
  }

  it('never throws, always gives a reason to reject, and accepts exactly whom the policy names (property)', () => {
    fc.assert(
      fc.property(senderArb, (s) => {
        const v = classifySender(s, ext);
        if (v.ok) expect(v.role).toBe(expected(s));
        else {
          expect(expected(s)).toBeNull();
          expect(v.reason.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('message schemas and the stored-state loader over junk', () => {
  const SCHEMAS = { popupRequestSchema, awsRequestSchema, dockerRequestSchema, dockerTaskSchema, dockerTaskStatusSchema, awsPlanSchema, roleVerdictSchema, stateChangedSchema, popupViewSchema, storedStateSchema };
  const kindArb = fc.constantFrom(
    'getState', 'saveLink', 'selectLink', 'startOver', 'removeLink', 'openStep', 'enterRoleArn', 'sendToDockerCloud', 'cancelDockerTask',
    'awsGetPlan', 'awsPolicyCreated', 'awsRoleCreated', 'awsRoleObserved', 'dockerGetTask', 'dockerResult', 'stateChanged', '__proto__', 'constructor',
  );
  // Objects shaped like messages, with fields of the right names and random values.
  const shapedArb = fc.record(
    {
      kind: kindArb,
      namespace: fc.oneof(namespaceArb, fc.string({ maxLength: 80 }), fc.anything()),
      roleArn: fc.oneof(roleArnArb, fc.string({ maxLength: 3000 }), fc.anything()),
      roleName: fc.oneof(roleNameArb, fc.anything()),
      policyName: fc.oneof(fc.constant(POLICY_NAME), fc.anything()),
      step: fc.oneof(fc.constantFrom(...STEPS), fc.anything()),
      replaceExisting: fc.anything(),
      settings: fc.anything(),
      role: fc.anything(),
      result: fc.oneof(fc.record({ outcome: fc.constantFrom('linked', 'error', 'timeout', 'loggedOut', 'bogus'), errorText: fc.anything() }), fc.anything()),
      state: fc.anything(),
      version: fc.oneof(fc.integer(), fc.anything()),
      links: fc.anything(),
      link: fc.anything(),
    },
    { requiredKeys: [] },
  );
  const junkArb = fc.oneof(fc.anything({ withNullPrototype: true, withMap: true, withSet: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }), shapedArb);

  it('never throw, and whatever they accept they accept again unchanged (property)', () => {
    fc.assert(
      fc.property(junkArb, (junk) => {
        for (const schema of Object.values(SCHEMAS)) {
          const parsed = schema.safeParse(junk);
          if (parsed.success) expect(schema.safeParse(parsed.data)).toEqual(parsed);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('loadStoredState never throws and always gives a state that is itself storable (property)', () => {
    fc.assert(
      fc.property(junkArb, (junk) => {
        const loaded = loadStoredState(junk);
        expect(storedStateSchema.safeParse(loaded.state).success).toBe(true);
        if (loaded.recovered !== null) expect(loaded.state).toEqual(emptyState());
      }),
      { numRuns: 3000 },
    );
  });

  it('the content scripts\' readers never throw and accept only what the core\'s schemas accept (property)', () => {
    fc.assert(
      fc.property(junkArb, (junk) => {
        const plan = readPlan(junk);
        if (plan !== null) expect(awsPlanSchema.safeParse(plan).success).toBe(true);
        const verdict = readVerdict(junk);
        if (verdict !== null) expect(roleVerdictSchema.safeParse({ problems: verdict }).success).toBe(true);
        const task = readTask(junk);
        if (task !== null) expect(dockerTaskSchema.safeParse(task).success).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('page URLs: iamRoute and openNamespace never throw, and a namespace read from a URL is bounded (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string({ maxLength: 300 }).map((s) => `https://console.aws.amazon.com/iam/home#${s}`), fc.string({ maxLength: 300 }).map((s) => `https://cloud.docker.com/app/${s}`)), (raw) => {
        let url: URL;
        try {
          url = new URL(raw);
        } catch {
          return;
        }
        const route = iamRoute(url);
        if (route !== null) expect(typeof route.path).toBe('string');
        const ns = openNamespace(url);
        if (ns !== null) expect(ns.length).toBeLessThanOrEqual(64);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the reducer over random sequences of well-formed messages', () => {
  const nsArb = fc.constantFrom('moby', 'teamawesome', 'abcd') as fc.Arbitrary<ReturnType<typeof String> & never>;
  const popupArb: fc.Arbitrary<Incoming> = fc
    .oneof(
      fc.record({ kind: fc.constant('getState' as const) }),
      fc.record({
        kind: fc.constant('saveLink' as const),
        settings: fc.record({ namespace: nsArb, policy: fc.record({ region: fc.constantFrom(null, 'us-east-1', 'eu-west-1'), passRole: fc.boolean() }), roleName: fc.constantFrom('dockercloud-role', 'dockercloud-role-teamawesome'), sharedAwsAccount: fc.boolean() }),
      }),
      fc.record({ kind: fc.constantFrom('selectLink' as const, 'startOver' as const, 'removeLink' as const, 'cancelDockerTask' as const), namespace: nsArb }),
      fc.record({ kind: fc.constant('openStep' as const), namespace: nsArb, step: fc.constantFrom(...STEPS) }),
      fc.record({ kind: fc.constant('enterRoleArn' as const), namespace: nsArb, roleArn: fc.oneof(fc.constant('arn:aws:iam::123456789012:role/dockercloud-role'), roleArnArb, fc.string({ maxLength: 100 })) }),
      fc.record({ kind: fc.constant('sendToDockerCloud' as const), namespace: nsArb, replaceExisting: fc.boolean() }),
    )
    .map((request) => ({ role: 'popup', request }) as Incoming);
  const awsArb: fc.Arbitrary<Incoming> = fc
    .oneof(
      fc.record({ kind: fc.constant('awsGetPlan' as const) }),
      fc.record({ kind: fc.constant('awsPolicyCreated' as const), policyName: fc.constantFrom(POLICY_NAME, 'other-policy') }),
      fc.record({ kind: fc.constant('awsRoleCreated' as const), roleName: fc.constantFrom('dockercloud-role', 'dockercloud-role-teamawesome', 'x') }),
      fc.record({
        kind: fc.constant('awsRoleObserved' as const),
        role: fc.record({
          roleArn: fc.oneof(fc.constantFrom('arn:aws:iam::123456789012:role/dockercloud-role', 'arn:aws:iam::123456789012:role/dockercloud-role-teamawesome'), roleArnArb, fc.string({ maxLength: 2048 })),
          trustPolicy: fc.oneof(fc.constantFrom('moby', 'teamawesome', 'abcd').map((e) => buildTrustPolicy({ externalId: e, requireMfa: false })), fc.string({ maxLength: 500 })),
          attachedPolicyNames: fc.array(fc.constantFrom(POLICY_NAME, 'AdministratorAccess', '<b>x</b>'), { maxLength: 3 }),
        }),
      }),
    )
    .map((request) => ({ role: 'aws', request }) as Incoming);
  const dockerArb: fc.Arbitrary<Incoming> = fc
    .oneof(
      fc.record({ kind: fc.constant('dockerGetTask' as const) }),
      fc.record({
        kind: fc.constant('dockerResult' as const),
        namespace: nsArb,
        result: fc.oneof(
          fc.constantFrom({ outcome: 'linked' as const }, { outcome: 'loggedOut' as const }, { outcome: 'timeout' as const }),
          fc.record({ outcome: fc.constant('error' as const), errorText: fc.string({ maxLength: 1024 }) }),
          fc.record({ outcome: fc.constant('namespaceMismatch' as const), openNamespace: fc.string({ maxLength: 64 }) }),
          fc.record({ outcome: fc.constant('alreadyLinked' as const), method: fc.constantFrom('access-key' as const, 'role' as const, 'unknown' as const) }),
          fc.record({ outcome: fc.constant('notFound' as const), control: fc.string({ maxLength: 64 }) }),
        ),
      }),
    )
    .map((request) => ({ role: 'docker', request }) as Incoming);

  // The happy path's messages, often enough that sequences reach "verified" and "linked".
  const happyArb: fc.Arbitrary<Incoming> = fc.constantFrom<Incoming>(
    { role: 'popup', request: { kind: 'saveLink', settings: { namespace: 'moby' as never, policy: { region: null, passRole: false }, roleName: 'dockercloud-role', sharedAwsAccount: false } } },
    { role: 'aws', request: { kind: 'awsRoleObserved', role: { roleArn: 'arn:aws:iam::123456789012:role/dockercloud-role', trustPolicy: buildTrustPolicy({ externalId: 'moby', requireMfa: false }), attachedPolicyNames: [POLICY_NAME] } } },
    { role: 'popup', request: { kind: 'sendToDockerCloud', namespace: 'moby' as never, replaceExisting: false } },
    { role: 'docker', request: { kind: 'dockerResult', namespace: 'moby' as never, result: { outcome: 'linked' } } },
  );
  const reached = { linked: 0, verified: 0 };
  it('never throws; every state is storable and reads back the same; linked only after Docker Cloud said so for the task in flight (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(popupArb, awsArb, dockerArb, happyArb, happyArb), { maxLength: 40 }), (messages) => {
        let world: World = { stored: emptyState(), task: null, recovered: null };
        let now = 1_700_000_000_000;
        for (const incoming of messages) {
          // The schemas let every generated message through, as the background's listener would.
          const schema = { popup: popupRequestSchema, aws: awsRequestSchema, docker: dockerRequestSchema }[incoming.role];
          if (!schema.safeParse(incoming.request).success) continue;
          const before = world;
          const out = reduce(world, incoming, (now += 1000));
          world = out.world;
          expect(loadStoredState(JSON.parse(JSON.stringify(world.stored)))).toEqual({ state: world.stored, recovered: null });
          expect(dockerTaskStatusSchema.safeParse(world.task).success).toBe(true);
          for (const [ns, link] of Object.entries(world.stored.links)) {
            const was = before.stored.links[ns];
            const newlyLinked = link.done.linkConfirmed !== undefined && link.done.linkConfirmed !== was?.done.linkConfirmed;
            if (newlyLinked) {
              reached.linked++;
              expect(incoming.request).toMatchObject({ kind: 'dockerResult', namespace: ns, result: { outcome: 'linked' } });
              expect(before.task?.namespace).toBe(ns);
            }
            const newlyVerified = link.done.roleVerified !== undefined && link.done.roleVerified !== was?.done.roleVerified;
            if (newlyVerified) {
              reached.verified++;
              expect(incoming.request.kind).toBe('awsRoleObserved');
            }
          }
        }
      }),
      { numRuns: 1500 },
    );
    // The sequences do reach the guarded steps, so the property is not vacuous.
    expect(reached.verified).toBeGreaterThan(0);
    expect(reached.linked).toBeGreaterThan(0);
  });
});
