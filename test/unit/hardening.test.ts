// Property tests for the boundaries not covered elsewhere: the background's sender policy over random
// senders, every message schema and the stored-state loader over random junk (never throwing, never
// accepting what they should not), the content scripts' readers, and the reducer over random sequences of
// well-formed messages from every part (every state it makes is storable; no step completes without its rule).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bind, reduce, type Incoming, type World } from '../../src/background/reducer';
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

describe('classifySender: verdicts written by hand', () => {
  const tab = { id: 3 };
  const web = (url: string, more: Partial<Sender> = {}): Sender => ({ id: ext.id, url, frameId: 0, tab, ...more });
  const POPUP = `${ext.origin}src/popup/index.html`;
  // [sender, the role it may act as (null: rejected)], each decided by reading the threat model, not the code.
  const CASES: [string, Sender, 'popup' | 'aws' | 'docker' | null][] = [
    ['the toolbar popup (no tab, no frame id)', { id: ext.id, url: POPUP }, 'popup'],
    ['the popup opened in a tab', web(POPUP), 'popup'],
    ['the popup with a query and hash', web(`${POPUP}?ns=moby#top`), 'popup'],
    ['the popup inside a frame', web(POPUP, { frameId: 4 }), null],
    ['another page of the extension', web(`${ext.origin}src/other.html`), null],
    ['the extension origin itself', web(ext.origin), null],
    ['another extension\'s popup path', web('chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/src/popup/index.html'), null],
    ['another extension', { ...web('https://console.aws.amazon.com/iam/home'), id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }, null],
    ['no extension id', { url: 'https://console.aws.amazon.com/iam/home', frameId: 0, tab }, null],
    ['IAM on the global console', web('https://console.aws.amazon.com/iam/home#/roles'), 'aws'],
    ['IAM on a regional console', web('https://eu-west-1.console.aws.amazon.com/iam/home?region=eu-west-1#/roles/create'), 'aws'],
    ['IAM with the host in capitals (URLs lower-case hosts)', web('https://CONSOLE.AWS.AMAZON.COM/iam/home'), 'aws'],
    ['IAM on the explicit default port', web('https://console.aws.amazon.com:443/iam/home'), 'aws'],
    ['IAM in a frame', web('https://console.aws.amazon.com/iam/home', { frameId: 1 }), null],
    ['IAM with no frame id', web('https://console.aws.amazon.com/iam/home', { frameId: undefined }), null],
    ['IAM without a tab', { id: ext.id, url: 'https://console.aws.amazon.com/iam/home', frameId: 0 }, null],
    ['IAM over http', web('http://console.aws.amazon.com/iam/home'), null],
    ['IAM on another port', web('https://console.aws.amazon.com:8443/iam/home'), null],
    ['the console outside IAM', web('https://console.aws.amazon.com/ec2/home#/roles'), null],
    ['"IAM" in capitals in the path', web('https://console.aws.amazon.com/IAM/home'), null],
    ['"/iam" without its slash', web('https://console.aws.amazon.com/iam'), null],
    ['a host ending in the console\'s name', web('https://evilconsole.aws.amazon.com/iam/home'), null],
    ['the console\'s name followed by another domain', web('https://console.aws.amazon.com.evil.example/iam/home'), null],
    ['the console\'s host with a trailing dot', web('https://console.aws.amazon.com./iam/home'), null],
    ['a look-alike host with a Cyrillic o', web('https://cоnsole.aws.amazon.com/iam/home'), null],
    ['IAM\'s path on another host', web('https://evil.example/iam/home'), null],
    ['Docker Cloud', web('https://cloud.docker.com/app/moby/settings'), 'docker'],
    ['Docker Cloud in a frame', web('https://cloud.docker.com/app/moby/settings', { frameId: 2 }), null],
    ['Docker Cloud without a tab', { id: ext.id, url: 'https://cloud.docker.com/', frameId: 0 }, null],
    ['Docker Cloud over http', web('http://cloud.docker.com/'), null],
    ['a subdomain of Docker Cloud', web('https://x.cloud.docker.com/'), null],
    ['another Docker host', web('https://hub.docker.com/'), null],
    ['Docker Cloud\'s name followed by another domain', web('https://cloud.docker.com.evil.example/'), null],
    ['a file URL', web('file:///iam/home'), null],
    ['an unparsable URL', web('not a url'), null],
    ['no URL', { id: ext.id, frameId: 0, tab }, null],
  ];

  it.each(CASES)('%s', (_name, sender, role) => {
    const verdict = classifySender(sender, ext);
    expect(verdict.ok ? verdict.role : null).toBe(role);
    if (!verdict.ok) expect(verdict.reason).not.toBe('');
  });
});

describe('classifySender over random senders: how the verdict must move with its input', () => {
  const accepted = fc.oneof(
    fc.constantFrom(
      'https://console.aws.amazon.com/iam/home',
      'https://us-east-1.console.aws.amazon.com/iam/home?region=us-east-1',
      'https://ap-southeast-2.console.aws.amazon.com/iam/',
      'https://cloud.docker.com/app/moby/settings',
      'https://cloud.docker.com/',
    ),
  );
  const tail = fc.oneof(fc.constant(''), fc.webSegment().map((s) => `#/${s}`), fc.webQueryParameters().map((q) => `?${q}`), fc.webFragments().map((f) => `#${f}`));
  const senderArb = fc.tuple(accepted, tail).map(([url, t]): Sender => ({ id: ext.id, url: `${url}${t}`, frameId: 0, tab: { id: 3 } }));
  const roleOf = (s: Sender) => {
    const v = classifySender(s, ext);
    return v.ok ? v.role : null;
  };
  const withHost = (s: Sender, host: (h: string) => string): Sender => {
    const url = new URL(s.url ?? '');
    return { ...s, url: `${url.protocol}//${host(url.hostname)}${url.pathname}${url.search}${url.hash}` };
  };

  it('a page\'s query and hash never change who it is; its host, path\'s service, frame, tab, scheme, port and extension id always can (property)', () => {
    fc.assert(
      fc.property(senderArb, fc.integer({ min: 1, max: 50 }), fc.domain(), (s, frame, domain) => {
        const role = roleOf(s);
        expect(role).toBe(s.url?.startsWith('https://cloud.docker.com/') ? 'docker' : 'aws');
        expect(roleOf({ ...s, frameId: frame })).toBeNull();
        expect(roleOf({ ...s, tab: undefined })).toBeNull();
        expect(roleOf({ ...s, id: `${ext.id.slice(1)}a` })).toBeNull();
        expect(roleOf({ ...s, url: s.url?.replace('https:', 'http:') })).toBeNull();
        expect(roleOf(withHost(s, (h) => `${h}:8443`))).toBeNull();
        expect(roleOf(withHost(s, (h) => `${h}.${domain}`))).toBeNull();
        expect(roleOf(withHost(s, (h) => h.replace(/(^|\.)(console|cloud)\./, '$1x$2.')))).toBeNull();
        expect(roleOf(withHost(s, () => domain))).toBeNull();
        if (role === 'aws') expect(roleOf({ ...s, url: s.url?.replace('/iam/', '/ec2/') })).toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws and always gives a reason to reject, whatever the sender (property)', () => {
    const junkSender = fc.record(
      { id: fc.oneof(fc.constant(ext.id), fc.string({ maxLength: 40 })), url: fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string({ maxLength: 200 })), frameId: fc.integer({ min: -1, max: 50 }), tab: fc.constantFrom({ id: 3 }) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(junkSender, (s) => {
        const v = classifySender(s, ext);
        if (!v.ok) expect(v.reason.length).toBeGreaterThan(0);
        // Whatever is accepted is one of the three parts, from where that part lives.
        else if (v.role === 'popup') expect(s.url?.startsWith(ext.origin)).toBe(true);
        else expect(new URL(s.url ?? '').protocol).toBe('https:');
      }),
      { numRuns: 3000 },
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

  it('page URLs: iamRoute reads back the hash path and query a console URL was made from, and nothing off IAM (property)', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9$_.-]{1,12}$/);
    fc.assert(
      fc.property(
        fc.constantFrom('https://console.aws.amazon.com', 'https://eu-west-1.console.aws.amazon.com'),
        fc.constantFrom('/iam/home', '/iam/', '/iam'),
        fc.array(segment, { minLength: 1, maxLength: 4 }),
        fc.dictionary(segment, segment, { maxKeys: 3 }),
        fc.constantFrom('#', '#/', '#//'),
        (origin, path, segments, params, hash) => {
          const query = new URLSearchParams(params).toString();
          const url = new URL(`${origin}${path}${hash}${segments.join('/')}/${query ? `?${query}` : ''}`);
          const route = iamRoute(url);
          expect(route?.path).toBe(segments.join('/'));
          expect(Object.fromEntries(route?.query ?? [])).toEqual(params);
          for (const other of ['/ec2/home', '/iamx/home', '/home/iam', '/iam/home/roles']) expect(iamRoute(new URL(`${origin}${other}${url.hash}`)), other).toBeNull();
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('page URLs: openNamespace is the path segment after /app/ or /swarm/, and nothing elsewhere (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{1,64}$/), fc.constantFrom('app', 'swarm', 'login', 'apps', 'settings', 'login/app', 'x/swarm'), fc.webPath(), (ns, mode, rest) => {
        const url = new URL(`https://cloud.docker.com/${mode}/${ns}${rest.startsWith('/') ? rest : ''}`);
        expect(openNamespace(url)).toBe(['app', 'swarm'].includes(mode) ? ns : null);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the reducer over random sequences of well-formed messages', () => {
  const nsArb = fc.constantFrom('moby', 'teamawesome', 'abcd') as fc.Arbitrary<ReturnType<typeof String> & never>;
  const roleNameArb = fc.constantFrom('dockercloud-role', 'dockercloud-role-teamawesome', 'x');
  // Tabs 1 (console) and 2 (Docker Cloud) are the ones the effects open; 3 is another tab.
  const tabArb = fc.constantFrom(1, 2, 3);
  const ID = 'f'.repeat(32);
  const idArb = fc.constantFrom(ID, '0'.repeat(32));
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
      fc.record({ kind: fc.constant('awsArm' as const), namespace: nsArb }),
      fc.record({ kind: fc.constant('awsPolicyCreated' as const), namespace: nsArb, roleName: roleNameArb, policyName: fc.constantFrom(POLICY_NAME, 'other-policy') }),
      fc.record({ kind: fc.constant('awsRoleCreated' as const), namespace: nsArb, roleName: roleNameArb }),
      fc.record({
        kind: fc.constant('awsRoleObserved' as const),
        namespace: nsArb,
        roleName: roleNameArb,
        role: fc.record({
          roleArn: fc.oneof(fc.constantFrom('arn:aws:iam::123456789012:role/dockercloud-role', 'arn:aws:iam::123456789012:role/dockercloud-role-teamawesome'), roleArnArb, fc.string({ maxLength: 2048 })),
          trustPolicy: fc.oneof(fc.constantFrom('moby', 'teamawesome', 'abcd').map((e) => buildTrustPolicy({ externalId: e, requireMfa: false })), fc.string({ maxLength: 500 })),
          attachedPolicyNames: fc.array(fc.constantFrom(POLICY_NAME, 'AdministratorAccess', '<b>x</b>'), { maxLength: 3 }),
        }),
      }),
    )
    .chain((request) => tabArb.map((tabId) => ({ role: 'aws', request, tabId }) as Incoming));
  const dockerArb: fc.Arbitrary<Incoming> = fc
    .oneof(
      fc.record({ kind: fc.constant('dockerGetTask' as const) }),
      fc.record({ kind: fc.constant('dockerSaving' as const), id: idArb }),
      fc.record({
        kind: fc.constant('dockerResult' as const),
        id: idArb,
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
    .chain((request) => tabArb.map((tabId) => ({ role: 'docker', request, tabId }) as Incoming));

  // The happy path's messages, often enough that sequences reach "verified" and "linked".
  const happyArb: fc.Arbitrary<Incoming> = fc.constantFrom<Incoming>(
    { role: 'popup', request: { kind: 'saveLink', settings: { namespace: 'moby' as never, policy: { region: null, passRole: false }, roleName: 'dockercloud-role', sharedAwsAccount: false } } },
    { role: 'aws', tabId: 1, request: { kind: 'awsRoleObserved', namespace: 'moby' as never, roleName: 'dockercloud-role', role: { roleArn: 'arn:aws:iam::123456789012:role/dockercloud-role', trustPolicy: buildTrustPolicy({ externalId: 'moby', requireMfa: false }), attachedPolicyNames: [POLICY_NAME] } } },
    { role: 'popup', request: { kind: 'sendToDockerCloud', namespace: 'moby' as never, replaceExisting: false } },
    { role: 'docker', tabId: 2, request: { kind: 'dockerResult', id: ID, namespace: 'moby' as never, result: { outcome: 'linked' } } },
  );
  const reached = { linked: 0, verified: 0 };
  it('never throws; every state is storable and reads back the same; linked only after Docker Cloud said so for the task in flight (property)', () => {
    // Random sequences reach "linked" only a few times in 1500 runs: more are drawn (never more than 5 rounds)
    // until they have, so that the property has been checked where it matters and the check below never flakes.
    for (let round = 0; round < 5 && (reached.linked === 0 || reached.verified === 0); round++) fc.assert(
      fc.property(fc.array(fc.oneof(popupArb, awsArb, dockerArb, happyArb, happyArb), { maxLength: 40 }), (messages) => {
        let world: World = { stored: emptyState(), task: null, armed: {}, planTabs: [], setAside: null };
        let now = 1_700_000_000_000;
        for (const incoming of messages) {
          // The schemas let every generated message through, as the background's listener would.
          if (incoming.role === 'browser') continue;
          const schema = { popup: popupRequestSchema, aws: awsRequestSchema, docker: dockerRequestSchema }[incoming.role];
          if (!schema.safeParse(incoming.request).success) continue;
          const before = world;
          const out = reduce(world, incoming, (now += 1000), () => ID);
          // The tabs the effects open: the console's is 1, Docker Cloud's 2.
          world = out.effects.reduce((w, e) => (e.then ? bind(w, e.url.startsWith('https://cloud.docker.com') ? 2 : 1, e.then, now) : w), out.world);
          expect(loadStoredState(JSON.parse(JSON.stringify(world.stored)))).toEqual({ state: world.stored, recovered: null, unreadable: null });
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
