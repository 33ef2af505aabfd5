// Every message between the extension's parts and every value read from storage, checked at the boundary.
import { z } from 'zod/mini';
import { parseRoleArn } from './arn';
import { CONSOLE_TASKS, STEPS, type Link, type StepId } from './flow';
import { parseNamespace, validateRoleName, type Namespace } from './names';
import type { MessageId } from './problem';
import { isEc2Region } from './regions';

// No `new Function` probe: strict page CSPs report it and AMO's linter flags it.
z.config({ jitless: true });

const LIMIT = 4096;
const text = (max = LIMIT) => z.string().check(z.maxLength(max));
const namespace = z.pipe(
  text(64),
  z.transform((s, ctx) => {
    const r = parseNamespace(s);
    if (r.ok && r.value === s) return r.value;
    ctx.issues.push({ code: 'custom', input: s, message: r.ok ? 'namespace not canonical' : r.problem.message });
    return z.NEVER;
  }),
);
const roleArn = text(2048).check(z.refine((s) => parseRoleArn(s).ok, 'not a role ARN'));
const roleName = text(64).check(z.refine((s) => validateRoleName(s).ok, 'not a role name'));
const step = z.enum(STEPS);
const timestamp = z.number().check(z.int(), z.nonnegative());

// A message id is looked up in the locale file by the reader; an unknown id shows a generic failure, never raw text.
const messageId = text(64).check(z.regex(/^[A-Za-z0-9_]+$/)) as unknown as z.ZodMiniType<MessageId>;
export const problemSchema = z.object({
  message: messageId,
  substitutions: z.optional(z.array(text(1024)).check(z.maxLength(9))),
});

export const policyChoiceSchema = z.object({
  region: z.nullable(text(32).check(z.refine((r) => isEc2Region(r), 'not an EC2 region'))),
  passRole: z.boolean(),
});

export const linkSettingsSchema = z.object({
  namespace,
  policy: policyChoiceSchema,
  roleName,
  sharedAwsAccount: z.boolean(),
});

const linkSchema = z.object({
  settings: linkSettingsSchema,
  done: z.partialRecord(step, timestamp),
  capturedRoleArn: z.nullable(roleArn),
  problems: z.partialRecord(step, z.array(problemSchema).check(z.maxLength(32))),
});

// Stored state. v1 (first design) kept a single namespace; v2 keeps several side by side.
const storedV1 = z.object({ version: z.literal(1), link: z.nullable(linkSchema) });
/** A path on Docker Cloud's own host, e.g. /app/moby/settings (page text: bounded, plain path characters). */
export const dockerPathSchema = z.string().check(z.regex(/^\/[A-Za-z0-9._~\/-]{1,200}$/));

export const storedStateSchema = z.object({
  version: z.literal(2),
  links: z.record(text(64), linkSchema),
  activeNamespace: z.nullable(namespace),
  /** Where each namespace's Cloud settings page was found: the next send goes there directly. */
  dockerSettingsPaths: z.optional(z.record(text(64), dockerPathSchema)),
});
export type StoredState = z.infer<typeof storedStateSchema>;

export const emptyState = (): StoredState => ({ version: 2, links: {}, activeNamespace: null });

export type Recovered = 'corrupt' | 'newerVersion';

export interface LoadedState {
  state: StoredState;
  /** The whole state could not be read (corrupt, or from a newer version): the user is told and starts again. */
  recovered: Recovered | null;
  /** What could not be read, as it was stored, to keep aside: the whole value, or each unreadable link. */
  unreadable: { state?: unknown; links: Record<string, unknown> } | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads whatever storage held, upgrading old versions; never guesses at unreadable data, and loses no more than it must. */
export function loadStoredState(raw: unknown): LoadedState {
  if (raw === undefined || raw === null) return { state: emptyState(), recovered: null, unreadable: null };
  const v1 = storedV1.safeParse(raw);
  if (v1.success) {
    const link = v1.data.link;
    const state: StoredState = link
      ? { version: 2, links: { [link.settings.namespace]: link }, activeNamespace: link.settings.namespace }
      : emptyState();
    return { state, recovered: null, unreadable: null };
  }
  // Version 2: each link is read on its own, so one damaged link costs only itself.
  if (isRecord(raw) && raw.version === 2 && isRecord(raw.links)) {
    const links: StoredState['links'] = {};
    const lost: Record<string, unknown> = {};
    for (const [ns, value] of Object.entries(raw.links)) {
      const link = linkSchema.safeParse(value);
      if (link.success && link.data.settings.namespace === ns) links[ns] = link.data;
      else lost[ns.slice(0, 64)] = value;
    }
    const active = namespace.safeParse(raw.activeNamespace);
    const activeNamespace = active.success && Object.hasOwn(links, active.data) ? active.data : ((Object.keys(links).sort()[0] ?? null) as StoredState['activeNamespace']);
    const unreadable = Object.keys(lost).length > 0 ? { links: lost } : null;
    return { state: { version: 2, links, activeNamespace }, recovered: null, unreadable };
  }
  const version = z.object({ version: z.number() }).safeParse(raw);
  const recovered = version.success && version.data.version > 2 ? 'newerVersion' : 'corrupt';
  return { state: emptyState(), recovered, unreadable: { state: raw, links: {} } };
}

/** What was set aside as unreadable (storage.local "unreadable"), kept until the user dismisses the note. */
export const setAsideSchema = z.object({
  at: timestamp,
  recovered: z.nullable(z.enum(['corrupt', 'newerVersion'])),
  state: z.optional(z.unknown()),
  links: z.record(text(64), z.unknown()),
  dismissed: z.boolean(),
});
export type SetAside = z.infer<typeof setAsideSchema>;

/**
 * Console tabs the extension opened (or the user asked to fill) for a link's next step, by tab id
 * (storage.session, so a restarted worker keeps them). A tab is armed until its task is done elsewhere,
 * the tab closes, or `until` passes.
 */
export const armedTabsSchema = z.record(
  z.string().check(z.regex(/^\d{1,12}$/)),
  z.object({ namespace, task: z.enum(CONSOLE_TASKS), until: timestamp }),
);
export type ArmedTabs = z.infer<typeof armedTabsSchema>;

// Messages. Each has a `kind`; each side parses what it receives with the union for its role.

export const popupRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('getState') }),
  z.object({ kind: z.literal('saveLink'), settings: linkSettingsSchema }),
  z.object({ kind: z.literal('selectLink'), namespace }),
  z.object({ kind: z.literal('startOver'), namespace }),
  z.object({ kind: z.literal('removeLink'), namespace }),
  z.object({ kind: z.literal('openStep'), namespace, step }),
  z.object({ kind: z.literal('enterRoleArn'), namespace, roleArn: text(2048) }),
  z.object({ kind: z.literal('sendToDockerCloud'), namespace, replaceExisting: z.boolean() }),
  z.object({ kind: z.literal('cancelDockerTask'), namespace }),
  /** The user read the note about progress that could not be read. */
  z.object({ kind: z.literal('dismissRecovered') }),
]);
export type PopupRequest = z.infer<typeof popupRequestSchema>;

/** What the AWS console content script knows of a role page (page text: untrusted, bounded). */
export const observedRoleSchema = z.object({
  roleArn: text(2048),
  trustPolicy: text(16384),
  attachedPolicyNames: z.array(text(128)).check(z.maxLength(100)),
  /** The account id a multi-session console host starts with (111122223333-abcd1234.…), when it has one. */
  consoleAccountId: z.optional(z.string().check(z.regex(/^\d{12}$/))),
});

// Every report names the link it is about and the role that link expects, as the tab's plan said: a message
// never lands on whichever link happens to be active when it arrives.
export const awsRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('awsGetPlan') }),
  /** A page's boot script: the background injects the engine while a link is in progress, and answers true then. */
  z.object({ kind: z.literal('awsStartEngine') }),
  /** The user pressed "Fill for Docker Cloud" on a page the extension had not opened. */
  z.object({ kind: z.literal('awsArm'), namespace }),
  z.object({ kind: z.literal('awsPolicyCreated'), namespace, roleName, policyName: text(128) }),
  z.object({ kind: z.literal('awsRoleCreated'), namespace, roleName }),
  z.object({ kind: z.literal('awsRoleObserved'), namespace, roleName, role: observedRoleSchema }),
  /** The Role ARN shown on its page, captured before (and whether or not) the role can be verified. */
  z.object({ kind: z.literal('awsRoleArnShown'), namespace, roleName, roleArn: text(2048) }),
  /** The trust policy a role wizard's review step shows, checked before the role is created (page text). */
  z.object({ kind: z.literal('awsCheckTrust'), namespace, roleName, trustPolicy: text(16384) }),
]);
export type AwsRequest = z.infer<typeof awsRequestSchema>;

/** From the popup to the console tab's content script: show the guide again after the user dismissed it. */
export const guideRequestSchema = z.object({ kind: z.literal('showGuide') });
export type GuideRequest = z.infer<typeof guideRequestSchema>;

const dockerOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('linked') }),
  /** Docker Cloud answered Save with this error text (page text: untrusted). */
  z.object({ outcome: z.literal('error'), errorText: text(1024) }),
  z.object({ outcome: z.literal('namespaceMismatch'), openNamespace: text(64) }),
  z.object({ outcome: z.literal('alreadyLinked'), method: z.enum(['access-key', 'role', 'unknown']) }),
  z.object({ outcome: z.literal('loggedOut') }),
  z.object({ outcome: z.literal('notFound'), control: text(64) }),
  z.object({ outcome: z.literal('timeout') }),
]);
export type DockerOutcome = z.infer<typeof dockerOutcomeSchema>;

const taskId = z.string().check(z.regex(/^[0-9a-f]{32}$/));

export const dockerRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dockerGetTask') }),
  /** About to press Save: a reload after this must not unlink what this Save linked. */
  z.object({ kind: z.literal('dockerSaving'), id: taskId }),
  z.object({ kind: z.literal('dockerResult'), id: taskId, namespace, result: dockerOutcomeSchema, settingsPath: z.optional(dockerPathSchema) }),
]);
export type DockerRequest = z.infer<typeof dockerRequestSchema>;

/** The task the background hands the Docker Cloud content script. */
export const dockerTaskSchema = z.nullable(
  z.object({
    id: taskId,
    namespace,
    roleArn,
    replaceExisting: z.boolean(),
    /** This task's Save was already pressed (the page has reloaded since): a link showing its ARN is its own. */
    saved: z.boolean(),
  }),
);
export type DockerTask = z.infer<typeof dockerTaskSchema>;

/** What the AWS console content script needs to prefill the pages for the active namespace. */
export const awsPlanSchema = z.nullable(
  z.object({
    namespace,
    externalId: text(1224),
    policyName: text(128),
    policyDocument: text(6144),
    policyDescription: text(1000),
    roleName,
    roleDescription: text(1000),
    trustedAccountId: z.string().check(z.regex(/^\d{12}$/)),
    nextStep: z.nullable(step),
    /** What the user does on the console now: only pages serving it are filled or read. */
    task: z.enum(CONSOLE_TASKS),
    /** This tab was opened by the extension (or the user asked to fill it) for the link's next step. */
    armed: z.boolean(),
  }),
);
export type AwsPlan = z.infer<typeof awsPlanSchema>;

/** The verdict the background returns for an observed role. */
export const roleVerdictSchema = z.object({ problems: z.array(problemSchema) });

/** How Docker Cloud's existing AWS link was made, as its settings page shows it. */
const dockerLinkMethod = z.enum(['access-key', 'role', 'unknown']);

/** The in-flight Docker Cloud task as the background keeps it (storage.session) and the popup shows it. */
export const dockerTaskStatusSchema = z.nullable(
  z.object({
    /** The task's own id: only a result carrying it is taken. */
    id: taskId,
    namespace,
    roleArn,
    replaceExisting: z.boolean(),
    /** The Docker Cloud tab opened for it: the only one handed the task (null until it is open). */
    tabId: z.nullable(z.number().check(z.int(), z.nonnegative())),
    createdAt: timestamp,
    /** When that tab said it pressed Save. */
    savingSince: z.nullable(timestamp),
    /** Docker Cloud already had an AWS link: the task waits for the user to choose to replace it. */
    alreadyLinked: z.nullable(dockerLinkMethod),
    /** The method of the link being replaced: an access key leaves a dockercloud-user to delete. */
    replacing: z.nullable(dockerLinkMethod),
  }),
);
export type DockerTaskStatus = z.infer<typeof dockerTaskStatusSchema>;

/** The background's answer to the popup's getState. */
export const popupViewSchema = z.object({
  state: storedStateSchema,
  dockerTask: dockerTaskStatusSchema,
  /** Stored progress could not be read and was replaced by an empty state. */
  recovered: z.nullable(z.enum(['corrupt', 'newerVersion'])),
  /** Namespaces whose stored links could not be read (set aside, the others kept). */
  lostLinks: z.array(text(64)).check(z.maxLength(100)),
});
export type PopupView = z.infer<typeof popupViewSchema>;

export const stateChangedSchema = z.object({
  kind: z.literal('stateChanged'),
  state: storedStateSchema,
  dockerTask: z.optional(dockerTaskStatusSchema),
  recovered: z.optional(popupViewSchema.shape.recovered),
  lostLinks: z.optional(popupViewSchema.shape.lostLinks),
});

// Compile-time checks that the schemas and the core's types agree.
type Assert<T extends true> = T;
export type _LinkMatches = Assert<z.infer<typeof linkSchema> extends Link ? (Link extends z.infer<typeof linkSchema> ? true : false) : false>;
export type _StepMatches = Assert<StepId extends z.infer<typeof step> ? true : false>;
export type _NamespaceMatches = Assert<z.infer<typeof namespace> extends Namespace ? true : false>;
export type { MessageId };
