// The replica server's memory: what the IAM replica created and what Docker Cloud's replica
// received, so a test can assert the real outcome rather than what the page showed.

/** The AWS account the replica console is signed in to. */
export const REPLICA_ACCOUNT_ID = '123456789012';
/** That account's multi-session console host (the account id first). */
export const REPLICA_SESSION_HOST = `${REPLICA_ACCOUNT_ID}-abcd1234.us-east-1.console.aws.amazon.com`;

export interface CreatedPolicy {
  name: string;
  arn: string;
  description: string;
  /** The policy document exactly as the console submitted it. */
  document: string;
}

export interface CreatedRole {
  name: string;
  arn: string;
  description: string;
  /** The trust policy the wizard generated from the trusted-entity step. */
  trustPolicy: string;
  attachedPolicyArns: string[];
}

/** One Save of the "Add AWS Credentials" dialog, as Docker Cloud's replica received it. */
export interface DockerSave {
  namespace: string;
  roleArn: string;
  /** The error text returned to the page, or null when the link succeeded. */
  error: string | null;
}

/** A control of the IAM replica as the recorder describes it: its label, and where it is. */
export interface RecordedControl {
  label: string;
  /** A look-alike field of the replica's drift, or a control of the console's global header. */
  lookalike: boolean;
  /** A search or filter box. */
  search: boolean;
  kind: 'text' | 'check' | 'editor';
  /** The text, "true"/"false" for a box or radio, the editor's whole document. */
  value: string;
}

/** A value reaching a control of the IAM replica (an input or change event, an editor change), when it did. */
export interface RecordedInput extends RecordedControl {
  /** Epoch milliseconds (the page's time origin plus its clock). */
  at: number;
  url: string;
}

/** A primary button pressed on the IAM replica, with every control as it stood at that moment. */
export interface RecordedPress {
  at: number;
  url: string;
  button: string;
  controls: RecordedControl[];
}

export type AwsVariant = 'current' | 'legacy';
export type AwsLocale = 'en' | 'ja' | 'de';
export type DockerLayout = 'legacy' | 'swarm';
/** Forces Docker Cloud's answer to Save; 'verify' checks the ARN against the IAM replica. */
export type DockerSaveMode =
  | 'verify'
  | 'invalid-role'
  | 'invalid-credentials'
  | 'unauthorized-operation'
  | 'server-error'
  | 'timeout';

export interface ReplicaConfig {
  aws: {
    variant: AwsVariant;
    locale: AwsLocale;
    /** Milliseconds before a wizard step's form appears after navigation (controls rendered late). */
    renderDelayMs: number;
    /** Console drift: fields in another order, a look-alike extra field, a control removed. */
    drift: {
      reorderFields: boolean;
      duplicateAccountIdField: boolean;
      removeField: null | 'externalId' | 'policyName' | 'roleName' | 'accountId';
      /**
       * A console that keeps other fields mounted but hidden by its stylesheet (a class: nothing in the markup says
       * so): each wizard step carries hidden look-alike copies of its own fields and of the next step's.
       */
      hiddenCopies: boolean;
    };
    /** Honour the undocumented create-role prefill link parameters (awsAccount, externalId, ...). */
    honourPrefillParams: boolean;
    /** How the console's router changes the URL: location.hash, or history.pushState (no event at all). */
    navigation: 'hash' | 'pushState';
    /** The wizards' step names: as documented, the permissions step singular (addPermission), or none in the URL. */
    stepNames: 'documented' | 'singular' | 'none';
    /**
     * The policy editor's component applies its own document after the editor exists, and puts it back
     * once after a change from outside ('once'), or after every change for 6 s ('always').
     */
    editorReapply: 'never' | 'once' | 'always';
    /** The console's global search box in the header, and the permissions table rendered 1.5 s after its step. */
    headerSearchDecoy: boolean;
    /** The 2016 role page shows its permissions and trust relationships on tabs. */
    trustOnTab: boolean;
    /** Multi-session console: every IAM URL is redirected to this account-specific host (null: none). */
    multiSessionHost: string | null;
    /** The role wizard starts with "Require MFA" already ticked (as if remembered from an earlier role). */
    mfaPreticked: boolean;
  };
  docker: {
    layout: DockerLayout;
    /** The Docker ID signed in; null means logged out. */
    signedInAs: string | null;
    /** Organizations the signed-in user can switch to. */
    organizations: string[];
    save: DockerSaveMode;
    /** AWS is already linked for these namespaces (e.g. with the old dockercloud-user access key). */
    alreadyLinked: Record<string, { method: 'access-key' | 'role'; roleArn?: string }>;
  };
}

export interface ReplicaState {
  accountId: string;
  policies: CreatedPolicy[];
  roles: CreatedRole[];
  dockerSaves: DockerSave[];
  /** Every value that reached a control of the IAM replica, in order (test/replica/aws/record.ts). */
  inputs: RecordedInput[];
  /** Every primary button pressed on the IAM replica, with the page's controls then. */
  presses: RecordedPress[];
  /** Namespaces whose AWS provider is linked now, with the ARN it was linked with. */
  dockerLinks: Record<string, { method: 'access-key' | 'role'; roleArn?: string }>;
  config: ReplicaConfig;
}

export function defaultConfig(): ReplicaConfig {
  return {
    aws: {
      variant: 'current',
      locale: 'en',
      renderDelayMs: 0,
      drift: { reorderFields: false, duplicateAccountIdField: false, removeField: null, hiddenCopies: false },
      honourPrefillParams: true,
      navigation: 'hash',
      stepNames: 'documented',
      editorReapply: 'never',
      headerSearchDecoy: false,
      trustOnTab: false,
      multiSessionHost: null,
      mfaPreticked: false,
    },
    docker: {
      layout: 'legacy',
      signedInAs: 'moby',
      organizations: ['teamawesome'],
      save: 'verify',
      alreadyLinked: {},
    },
  };
}

export type ConfigPatch = {
  aws?: Partial<Omit<ReplicaConfig['aws'], 'drift'>> & { drift?: Partial<ReplicaConfig['aws']['drift']> };
  docker?: Partial<ReplicaConfig['docker']>;
};

export function freshState(patch: ConfigPatch = {}): ReplicaState {
  const config = applyConfig(defaultConfig(), patch);
  return {
    accountId: REPLICA_ACCOUNT_ID,
    policies: [],
    roles: [],
    dockerSaves: [],
    inputs: [],
    presses: [],
    dockerLinks: structuredClone(config.docker.alreadyLinked),
    config,
  };
}

export function applyConfig(base: ReplicaConfig, patch: ConfigPatch): ReplicaConfig {
  return {
    aws: { ...base.aws, ...patch.aws, drift: { ...base.aws.drift, ...patch.aws?.drift } },
    docker: { ...base.docker, ...patch.docker },
  };
}
