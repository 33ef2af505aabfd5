// Every message between the extension's parts and every value read from storage, checked at the boundary.
import { z } from 'zod/mini';
import { parseRoleArn } from './arn';
import { STEPS, type Link, type StepId } from './flow';
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
export const storedStateSchema = z.object({
  version: z.literal(2),
  links: z.record(text(64), linkSchema),
  activeNamespace: z.nullable(namespace),
});
export type StoredState = z.infer<typeof storedStateSchema>;

export const emptyState = (): StoredState => ({ version: 2, links: {}, activeNamespace: null });

export type LoadedState =
  | { state: StoredState; recovered: null }
  /** What was stored could not be read; the user is told and starts again. */
  | { state: StoredState; recovered: 'corrupt' | 'newerVersion' };

/** Reads whatever storage held, upgrading old versions; never guesses at unreadable data. */
export function loadStoredState(raw: unknown): LoadedState {
  if (raw === undefined || raw === null) return { state: emptyState(), recovered: null };
  const current = storedStateSchema.safeParse(raw);
  if (current.success && Object.entries(current.data.links).every(([ns, l]) => l.settings.namespace === ns)) {
    return { state: current.data, recovered: null };
  }
  const v1 = storedV1.safeParse(raw);
  if (v1.success) {
    const link = v1.data.link;
    const state: StoredState = link
      ? { version: 2, links: { [link.settings.namespace]: link }, activeNamespace: link.settings.namespace }
      : emptyState();
    return { state, recovered: null };
  }
  const version = z.object({ version: z.number() }).safeParse(raw);
  return { state: emptyState(), recovered: version.success && version.data.version > 2 ? 'newerVersion' : 'corrupt' };
}

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
]);
export type PopupRequest = z.infer<typeof popupRequestSchema>;

/** What the AWS console content script knows of a role page (page text: untrusted, bounded). */
export const observedRoleSchema = z.object({
  roleArn: text(2048),
  trustPolicy: text(16384),
  attachedPolicyNames: z.array(text(128)).check(z.maxLength(100)),
});

export const awsRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('awsGetPlan') }),
  z.object({ kind: z.literal('awsPolicyCreated'), policyName: text(128) }),
  z.object({ kind: z.literal('awsRoleCreated'), roleName }),
  z.object({ kind: z.literal('awsRoleObserved'), role: observedRoleSchema }),
]);
export type AwsRequest = z.infer<typeof awsRequestSchema>;

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

export const dockerRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dockerGetTask') }),
  z.object({ kind: z.literal('dockerResult'), namespace, result: dockerOutcomeSchema }),
]);
export type DockerRequest = z.infer<typeof dockerRequestSchema>;

/** The task the background hands the Docker Cloud content script. */
export const dockerTaskSchema = z.nullable(
  z.object({ namespace, roleArn, replaceExisting: z.boolean() }),
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
    namespace,
    roleArn,
    replaceExisting: z.boolean(),
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
});
export type PopupView = z.infer<typeof popupViewSchema>;

export const stateChangedSchema = z.object({
  kind: z.literal('stateChanged'),
  state: storedStateSchema,
  dockerTask: z.optional(dockerTaskStatusSchema),
});

// Compile-time checks that the schemas and the core's types agree.
type Assert<T extends true> = T;
export type _LinkMatches = Assert<z.infer<typeof linkSchema> extends Link ? (Link extends z.infer<typeof linkSchema> ? true : false) : false>;
export type _StepMatches = Assert<StepId extends z.infer<typeof step> ? true : false>;
export type _NamespaceMatches = Assert<z.infer<typeof namespace> extends Namespace ? true : false>;
export type { MessageId };
