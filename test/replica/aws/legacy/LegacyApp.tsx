/** @jsxImportSource react */
// The 2016–2017 IAM console (config.aws.variant "legacy"): plain markup, <label for>, no Cloudscape.
// Routes: #policies, #/policies$new, #/policies$new?step=edit, #roles, #/roles$new?step=name|type|account|policies|review,
// #roles/<RoleName>. Prefill link: #/roles$new?step=type&roleType=crossAccount&accountID=<id>.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { CreatedRole } from '../../state';
import { createPolicy, createRole, getRole, listPolicies, listRoles, type Dated } from '../api';
import { AWS_MANAGED_POLICIES, type PolicyRow } from '../managed-policies';
import { accountId, config } from '../page';
import { navigate, useHashRoute, type HashRoute } from '../route';
import { buildTrustPolicy } from '../trust-policy';
import './legacy.css';

interface LegacyRoleDraft {
  started: boolean;
  roleName: string;
  roleType: '' | 'crossAccount';
  accountId: string;
  externalId: string;
  requireMfa: boolean;
  policyArns: string[];
}

const newRoleDraft = (route?: HashRoute): LegacyRoleDraft => {
  const prefill = config.aws.honourPrefillParams && route ? route.query : new URLSearchParams();
  return {
    started: false,
    roleName: '',
    roleType: prefill.get('roleType') === 'crossAccount' ? 'crossAccount' : '',
    accountId: prefill.get('accountID') ?? '',
    externalId: '',
    requireMfa: config.aws.mfaPreticked,
    policyArns: [],
  };
};

export function LegacyConsole() {
  const route = useHashRoute();
  const [roleDraft, setRoleDraft] = useState<LegacyRoleDraft>(() => newRoleDraft(route));
  const [notice, setNotice] = useState<{ path: string; text: string } | null>(null);

  const previous = useRef<HashRoute | null>(null);
  if (previous.current?.raw !== route.raw) {
    const before = previous.current;
    previous.current = route;
    if (before && route.path === 'roles$new' && before.path !== 'roles$new') setRoleDraft(newRoleDraft(route));
  }

  let content: ReactNode;
  const rolePage = /^roles\/([^/$]+)$/.exec(route.path);
  if (route.path === 'policies') content = <PolicyList />;
  else if (route.path === 'policies$new' && route.query.get('step') === 'edit') {
    content = <CreateYourOwnPolicy onCreated={(name) => { setNotice({ path: 'policies', text: `Policy ${name} created.` }); navigate('#policies'); }} />;
  } else if (route.path === 'policies$new') content = <CreatePolicyChoice />;
  else if (route.path === 'roles') content = <RoleList />;
  else if (route.path === 'roles$new') {
    content = (
      <RoleWizard
        route={route}
        draft={roleDraft}
        setDraft={setRoleDraft}
        onCreated={(name) => {
          setNotice({ path: 'roles', text: `Role ${name} created.` });
          setRoleDraft(newRoleDraft());
          navigate('#roles');
        }}
      />
    );
  } else if (rolePage) content = <RolePage name={decodeURIComponent(rolePage[1] ?? '')} />;
  else content = <h2>Welcome to Identity and Access Management</h2>;

  const section = route.path.startsWith('polic') ? 'policies' : route.path.startsWith('role') ? 'roles' : 'home';
  return (
    <div className="legacy">
      <div className="legacy-topbar">
        <span className="legacy-logo">AWS</span> <span>Services</span>
        <span className="legacy-spacer" />
        <span>Global</span>
      </div>
      <div className="legacy-body">
        <nav className="legacy-nav">
          <a href="#home" className={section === 'home' ? 'active' : ''}>Dashboard</a>
          <a href="#groups">Groups</a>
          <a href="#users">Users</a>
          <a href="#roles" className={section === 'roles' ? 'active' : ''}>Roles</a>
          <a href="#policies" className={section === 'policies' ? 'active' : ''}>Policies</a>
          <a href="#providers">Identity providers</a>
          <a href="#account_settings">Account settings</a>
        </nav>
        <main className="legacy-main">
          {notice && notice.path === route.path && <div className="legacy-notice">{notice.text}</div>}
          {content}
        </main>
      </div>
    </div>
  );
}

// ---------------------------------------------------------------- policies

function PolicyList() {
  const [policies, setPolicies] = useState<PolicyRow[]>(AWS_MANAGED_POLICIES);
  useEffect(() => {
    void listPolicies().then((created) =>
      setPolicies([...created.map((p): PolicyRow => ({ ...p, kind: 'customer' })), ...AWS_MANAGED_POLICIES]),
    );
  }, []);
  return (
    <>
      <div className="legacy-toolbar">
        <button type="button" className="legacy-btn primary" onClick={() => navigate('#/policies$new')}>Create Policy</button>
      </div>
      <table className="legacy-table">
        <thead><tr><th>Policy Name</th><th>Policy Type</th><th>Description</th></tr></thead>
        <tbody>
          {policies.map((p) => (
            <tr key={p.arn}><td>{p.name}</td><td>{p.kind === 'customer' ? 'Customer Managed' : 'AWS Managed'}</td><td>{p.description}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function CreatePolicyChoice() {
  const choices = [
    ['Copy an AWS Managed Policy', 'Start with an AWS Managed Policy, then customize it to fit your requirements.', false],
    ['Policy Generator', 'Use the policy generator to select services and actions from a list.', false],
    ['Create Your Own Policy', 'Use the policy editor to type or paste in your own policy.', true],
  ] as const;
  return (
    <>
      <h2>Create Policy</h2>
      <p>A policy is a document that formally states one or more permissions. Create a policy by copying an AWS Managed Policy, using the Policy Generator, or typing your own custom policy.</p>
      <table className="legacy-choices">
        <tbody>
          {choices.map(([title, text, enabled]) => (
            <tr key={title}>
              <td><strong>{title}</strong><br />{text}</td>
              <td>
                <button type="button" className="legacy-btn primary" disabled={!enabled} onClick={() => navigate('#/policies$new?step=edit')}>Select</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Returns "This policy is valid." or the legacy validator's complaint. */
function validatePolicy(document: string): { valid: boolean; message: string } {
  try {
    const parsed: unknown = JSON.parse(document);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !('Statement' in parsed)) {
      return { valid: false, message: 'This policy contains the following error: Missing required field Statement' };
    }
    return { valid: true, message: 'This policy is valid.' };
  } catch (error) {
    return { valid: false, message: `This policy contains the following error: ${String(error).replace(/^SyntaxError: /, '')}` };
  }
}

function CreateYourOwnPolicy({ onCreated }: { onCreated: (name: string) => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [document, setDocument] = useState('');
  const [result, setResult] = useState<{ valid: boolean; message: string } | null>(null);
  const create = async () => {
    const check = validatePolicy(document);
    if (!check.valid) return setResult(check);
    const created = await createPolicy({ name, description, document });
    if (!created.ok) return setResult({ valid: false, message: created.error });
    onCreated(created.value.policy.name);
  };
  return (
    <>
      <h2>Review Policy</h2>
      <p>Customize permissions by editing the following policy document. For more information about the access policy language, see Overview of Policies in Using IAM.</p>
      <div className="legacy-form">
        <label htmlFor="policy-name">Policy Name</label>
        <input id="policy-name" type="text" value={name} onChange={(e) => setName(e.target.value)} />
        <label htmlFor="policy-description">Description</label>
        <textarea id="policy-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        <label htmlFor="policy-document">Policy Document</label>
        <textarea id="policy-document" className="legacy-code" rows={16} value={document} onChange={(e) => { setDocument(e.target.value); setResult(null); }} />
      </div>
      {result && <div className={result.valid ? 'legacy-valid' : 'legacy-error'} role="status">{result.message}</div>}
      <div className="legacy-toolbar right">
        <button type="button" className="legacy-btn" onClick={() => navigate('#policies')}>Cancel</button>
        <button type="button" className="legacy-btn" onClick={() => setResult(validatePolicy(document))}>Validate Policy</button>
        <button type="button" className="legacy-btn primary" onClick={() => void create()}>Create Policy</button>
      </div>
    </>
  );
}

// ---------------------------------------------------------------- roles

function RoleList() {
  const [roles, setRoles] = useState<Dated<CreatedRole>[]>([]);
  useEffect(() => void listRoles().then(setRoles), []);
  return (
    <>
      <div className="legacy-toolbar">
        <button type="button" className="legacy-btn primary" onClick={() => navigate('#/roles$new?step=name')}>Create New Role</button>
      </div>
      <table className="legacy-table">
        <thead><tr><th>Role Name</th><th>Creation Time</th></tr></thead>
        <tbody>
          {roles.map((r) => (
            <tr key={r.arn}><td><a href={`#roles/${encodeURIComponent(r.name)}`}>{r.name}</a></td><td>{r.createdAt ?? ''}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

const ROLE_STEPS = [
  ['name', 'Set Role Name'],
  ['type', 'Select Role Type'],
  ['account', 'Establish Trust'],
  ['policies', 'Attach Policy'],
  ['review', 'Review'],
] as const;
type RoleStep = (typeof ROLE_STEPS)[number][0];

function RoleWizard(props: {
  route: HashRoute;
  draft: LegacyRoleDraft;
  setDraft: (update: (d: LegacyRoleDraft) => LegacyRoleDraft) => void;
  onCreated: (name: string) => void;
}) {
  const { draft, route } = props;
  const requested = route.query.get('step');
  const step: RoleStep = ROLE_STEPS.some(([id]) => id === requested) ? (requested as RoleStep) : 'name';
  const index = ROLE_STEPS.findIndex(([id]) => id === step);
  const update = (patch: Partial<LegacyRoleDraft>) => props.setDraft((d) => ({ ...d, ...patch }));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [step]);

  // In-memory wizard: "name" and "type" (the old prefill links' target) are entry points; later steps need them.
  const lost = index > 1 && !draft.started;
  useEffect(() => {
    if (lost) navigate('#/roles$new?step=name', { replace: true });
    else if (index <= 1 && !draft.started) update({ started: true });
  });
  if (lost) return null;

  const go = (id: RoleStep) => navigate(`#/roles$new?step=${id}`);
  const trustPolicy = buildTrustPolicy({
    accountId: draft.accountId,
    externalId: draft.externalId ? draft.externalId : null,
    requireMfa: draft.requireMfa,
  });
  const roleArn = `arn:aws:iam::${accountId}:role/${draft.roleName}`;

  let body: ReactNode;
  if (step === 'name') {
    body = (
      <>
        <p>Enter a role name. You cannot edit the role name after the role is created.</p>
        <div className="legacy-form">
          <label htmlFor="role-name">Role Name</label>
          <input id="role-name" type="text" maxLength={64} value={draft.roleName} onChange={(e) => update({ roleName: e.target.value })} />
          <span className="legacy-hint">Maximum 64 characters. Use alphanumeric and '+=,.@-_' characters.</span>
        </div>
      </>
    );
  } else if (step === 'type') {
    body = (
      <div className="legacy-role-types">
        <label className="legacy-section"><input type="radio" name="role-type" checked={false} onChange={() => update({ roleType: '' })} /> AWS Service Roles</label>
        <label className="legacy-section">
          <input type="radio" name="role-type" checked={draft.roleType === 'crossAccount'} onChange={() => update({ roleType: 'crossAccount' })} /> Role for Cross-Account Access
        </label>
        {draft.roleType === 'crossAccount' && (
          <table className="legacy-choices">
            <tbody>
              <tr>
                <td>Provide access between AWS accounts you own<br /><small>Allows IAM users from one of your other AWS accounts to access this account.</small></td>
                <td><button type="button" className="legacy-btn" disabled>Select</button></td>
              </tr>
              <tr>
                <td>Allows IAM users from a 3rd party AWS account to access this account<br /><small>Requires an external ID.</small></td>
                <td><button type="button" className="legacy-btn primary" onClick={() => go('account')}>Select</button></td>
              </tr>
            </tbody>
          </table>
        )}
        <label className="legacy-section"><input type="radio" name="role-type" checked={false} onChange={() => update({ roleType: '' })} /> Role for Identity Provider Access</label>
      </div>
    );
  } else if (step === 'account') {
    body = (
      <>
        <p>Specify the account ID of the 3rd party AWS account whose IAM users will be able to access this account, and the external ID.</p>
        <div className="legacy-form">
          <label htmlFor="account-id">Account ID</label>
          <input id="account-id" type="text" value={draft.accountId} onChange={(e) => update({ accountId: e.target.value })} />
          <label htmlFor="external-id">External ID</label>
          <input id="external-id" type="text" value={draft.externalId} onChange={(e) => update({ externalId: e.target.value })} />
          <span className="legacy-check">
            <input id="require-mfa" type="checkbox" checked={draft.requireMfa} onChange={(e) => update({ requireMfa: e.target.checked })} />
            <label htmlFor="require-mfa">Require MFA</label>
          </span>
        </div>
      </>
    );
  } else if (step === 'policies') {
    body = <AttachPolicy selected={draft.policyArns} onChange={(policyArns) => update({ policyArns })} />;
  } else {
    body = (
      <>
        <p>Review the following role information. Then click Create Role to finish.</p>
        <table className="legacy-summary">
          <tbody>
            <tr><th>Role Name</th><td>{draft.roleName}</td></tr>
            <tr><th>Role ARN</th><td>{roleArn}</td></tr>
            <tr><th>Trusted Entities</th><td>The account {draft.accountId}</td></tr>
            <tr><th>Policies</th><td>{draft.policyArns.map((arn) => arn.split('/').pop()).join(', ')}</td></tr>
          </tbody>
        </table>
      </>
    );
  }

  const next = () => {
    if (step === 'name' && !/^[\w+=,.@-]{1,64}$/.test(draft.roleName)) return setError('The role name must contain only alphanumeric characters and/or the following: +=,.@-_');
    if (step === 'type') return setError('Select a role type.');
    if (step === 'account') {
      if (!/^\d{12}$/.test(draft.accountId)) return setError('Account ID must be a 12-digit number.');
      if (!/^[\w+=,.@:/-]{2,1224}$/.test(draft.externalId)) return setError('External ID must be between 2 and 1224 characters.');
    }
    go(ROLE_STEPS[index + 1]?.[0] ?? 'review');
  };
  const create = async () => {
    if (!draft.roleName) return setError('Role name is required. Go back to Step 1: Set Role Name.');
    const result = await createRole({ name: draft.roleName, description: '', trustPolicy, attachedPolicyArns: draft.policyArns });
    if (!result.ok) return setError(result.error);
    props.onCreated(result.value.role.name);
  };

  return (
    <div className="legacy-wizard">
      <ol className="legacy-steps">
        {ROLE_STEPS.map(([id, title], i) => (
          <li key={id} className={i === index ? 'active' : ''}>Step {i + 1}: {title}</li>
        ))}
      </ol>
      <section className="legacy-step">
        <h2>{ROLE_STEPS[index]?.[1]}</h2>
        {body}
        {error && <div className="legacy-error" role="alert">{error}</div>}
        <div className="legacy-toolbar right">
          <button type="button" className="legacy-btn" onClick={() => navigate('#roles')}>Cancel</button>
          {index > 0 && <button type="button" className="legacy-btn" onClick={() => history.back()}>Previous</button>}
          {step === 'review' ? (
            <button type="button" className="legacy-btn primary" onClick={() => void create()}>Create Role</button>
          ) : step !== 'type' ? (
            <button type="button" className="legacy-btn primary" onClick={next}>Next Step</button>
          ) : null}
        </div>
      </section>
    </div>
  );
}

function AttachPolicy({ selected, onChange }: { selected: string[]; onChange: (arns: string[]) => void }) {
  const [rows, setRows] = useState<PolicyRow[]>(AWS_MANAGED_POLICIES);
  const [filter, setFilter] = useState('');
  useEffect(() => {
    void listPolicies().then((created) =>
      setRows([...created.map((p): PolicyRow => ({ ...p, kind: 'customer' })), ...AWS_MANAGED_POLICIES]),
    );
  }, []);
  const visible = rows.filter((r) => r.name.toLowerCase().includes(filter.toLowerCase()));
  return (
    <>
      <p>Select one or more policies to attach. Each role can have up to 10 managed policies attached.</p>
      <div className="legacy-form inline">
        <label htmlFor="policy-filter">Filter</label>
        <input id="policy-filter" type="search" placeholder="Filter" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <table className="legacy-table">
        <thead><tr><th /><th>Policy Name</th><th>Attached Entities</th><th>Creation Time</th></tr></thead>
        <tbody>
          {visible.map((row, i) => (
            <tr key={row.arn}>
              <td>
                <input
                  id={`policy-${i}`}
                  type="checkbox"
                  checked={selected.includes(row.arn)}
                  onChange={(e) => onChange(e.target.checked ? [...selected, row.arn] : selected.filter((arn) => arn !== row.arn))}
                />
              </td>
              <td><label htmlFor={`policy-${i}`}>{row.name}</label></td>
              <td>0</td>
              <td>{row.kind === 'customer' ? 'Today' : '2015-02-06'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function RolePage({ name }: { name: string }) {
  const [role, setRole] = useState<Dated<CreatedRole> | null | undefined>(undefined);
  useEffect(() => void getRole(name).then(setRole), [name]);
  if (role === undefined) return <p>Loading…</p>;
  if (role === null) return <div className="legacy-error">The role with name {name} cannot be found.</div>;
  return (
    <>
      <h2>Summary</h2>
      <table className="legacy-summary">
        <tbody>
          <tr><th>Role ARN</th><td>{role.arn}</td></tr>
          <tr><th>Instance Profile ARN(s)</th><td /></tr>
          <tr><th>Path</th><td>/</td></tr>
          <tr><th>Creation Time</th><td>{role.createdAt ?? ''}</td></tr>
        </tbody>
      </table>
      {config.aws.trustOnTab ? (
        <RoleTabs role={role} />
      ) : (
        <>
          <h3>Permissions</h3>
          <ul>{role.attachedPolicyArns.map((arn) => <li key={arn}>{arn.split('/').pop()}</li>)}</ul>
          <h3>Trust Relationships</h3>
          <pre className="legacy-code">{role.trustPolicy}</pre>
        </>
      )}
    </>
  );
}

/** The role's permissions and trust relationships on tabs (config.aws.trustOnTab): only the selected one rendered. */
function RoleTabs({ role }: { role: CreatedRole }) {
  const [tab, setTab] = useState<'permissions' | 'trust'>('permissions');
  const tabs = [['permissions', 'Permissions'], ['trust', 'Trust Relationships']] as const;
  return (
    <>
      <div role="tablist" className="legacy-tabs">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} className="legacy-btn" onClick={() => setTab(id)}>
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {tab === 'permissions' ? (
          <ul>{role.attachedPolicyArns.map((arn) => <li key={arn}>{arn.split('/').pop()}</li>)}</ul>
        ) : (
          <pre className="legacy-code">{role.trustPolicy}</pre>
        )}
      </div>
    </>
  );
}
