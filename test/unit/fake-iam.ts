// A loopback stand-in for the IAM and STS Query APIs: the documented XML for the calls the CLI script makes,
// an account's policies and roles in memory, and every request recorded as it arrived.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const ACCOUNT = '123456789012';
const CALLER = `arn:aws:sts::${ACCOUNT}:assumed-role/Admin/cloudshell-user`;
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const DATE = '2026-12-02T08:00:00Z';

export interface RecordedRequest {
  action: string;
  params: Record<string, string>;
  /** The SigV4 access key the CLI signed with. */
  accessKey: string | null;
}

export interface FakePolicy {
  name: string;
  description: string;
  document: string;
}
export interface FakeRole {
  name: string;
  description: string;
  trustPolicy: string;
  attached: string[];
}

export interface FakeIam {
  url: string;
  requests: RecordedRequest[];
  policies: Map<string, FakePolicy>;
  roles: Map<string, FakeRole>;
  policyArn(name: string): string;
  roleArn(name: string): string;
  close(): Promise<void>;
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** IAM returns policy documents URL-encoded (RFC 3986), as its API reference says. */
const encodeDocument = (doc: string) => escapeXml(encodeURIComponent(doc));
const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;

const MUTATING = new Set(['CreatePolicy', 'CreateRole', 'AttachRolePolicy']);
export const isMutating = (r: RecordedRequest) => MUTATING.has(r.action);

export async function startFakeIam(): Promise<FakeIam> {
  const requests: RecordedRequest[] = [];
  const policies = new Map<string, FakePolicy>();
  const roles = new Map<string, FakeRole>();
  const policyArn = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`;
  const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;

  const policyXml = (p: FakePolicy) =>
    `<Policy>${element('PolicyName', p.name)}${element('Description', p.description)}<DefaultVersionId>v1</DefaultVersionId>` +
    `<PolicyId>ANPAEXAMPLE${p.name.length}</PolicyId><Path>/</Path>${element('Arn', policyArn(p.name))}` +
    `<AttachmentCount>0</AttachmentCount><CreateDate>${DATE}</CreateDate><UpdateDate>${DATE}</UpdateDate><IsAttachable>true</IsAttachable></Policy>`;
  const roleXml = (r: FakeRole) =>
    `<Role><Path>/</Path><AssumeRolePolicyDocument>${encodeDocument(r.trustPolicy)}</AssumeRolePolicyDocument>` +
    `<RoleId>AROAEXAMPLE${r.name.length}</RoleId>${element('RoleName', r.name)}${element('Description', r.description)}` +
    `${element('Arn', roleArn(r.name))}<CreateDate>${DATE}</CreateDate><MaxSessionDuration>3600</MaxSessionDuration></Role>`;
  const answer = (action: string, result: string, ns = IAM_NS) =>
    `<${action}Response xmlns="${ns}"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></${action}Response>`;
  const error = (status: number, code: string, message: string) => ({
    status,
    body:
      `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>Sender</Type>${element('Code', code)}${element('Message', message)}</Error>` +
      `<RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ErrorResponse>`,
  });
  const noSuchPolicy = (arn: string) => error(404, 'NoSuchEntity', `Policy ${arn} was not found.`);
  const noSuchRole = (name: string) => error(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`);
  const policyNamed = (arn: string) => [...policies.values()].find((p) => policyArn(p.name) === arn);

  function handle(action: string, p: Record<string, string>): { status: number; body: string } {
    switch (action) {
      case 'GetCallerIdentity':
        return { status: 200, body: answer(action, `${element('Arn', CALLER)}<UserId>AROAEXAMPLE:cloudshell-user</UserId>${element('Account', ACCOUNT)}`, STS_NS) };
      case 'GetPolicy': {
        const policy = policyNamed(p.PolicyArn ?? '');
        return policy ? { status: 200, body: answer(action, policyXml(policy)) } : noSuchPolicy(p.PolicyArn ?? '');
      }
      case 'GetPolicyVersion': {
        const policy = policyNamed(p.PolicyArn ?? '');
        if (!policy || p.VersionId !== 'v1') return noSuchPolicy(p.PolicyArn ?? '');
        const version = `<PolicyVersion><Document>${encodeDocument(policy.document)}</Document><VersionId>v1</VersionId><IsDefaultVersion>true</IsDefaultVersion><CreateDate>${DATE}</CreateDate></PolicyVersion>`;
        return { status: 200, body: answer(action, version) };
      }
      case 'CreatePolicy': {
        const name = p.PolicyName ?? '';
        if (policies.has(name)) return error(409, 'EntityAlreadyExists', `A policy called ${name} already exists.`);
        const policy = { name, description: p.Description ?? '', document: p.PolicyDocument ?? '' };
        policies.set(name, policy);
        return { status: 200, body: answer(action, policyXml(policy)) };
      }
      case 'GetRole': {
        const role = roles.get(p.RoleName ?? '');
        return role ? { status: 200, body: answer(action, roleXml(role)) } : noSuchRole(p.RoleName ?? '');
      }
      case 'CreateRole': {
        const name = p.RoleName ?? '';
        if (roles.has(name)) return error(409, 'EntityAlreadyExists', `Role with name ${name} already exists.`);
        const role = { name, description: p.Description ?? '', trustPolicy: p.AssumeRolePolicyDocument ?? '', attached: [] };
        roles.set(name, role);
        return { status: 200, body: answer(action, roleXml(role)) };
      }
      case 'ListAttachedRolePolicies': {
        const role = roles.get(p.RoleName ?? '');
        if (!role) return noSuchRole(p.RoleName ?? '');
        const members = role.attached.map((arn) => `<member>${element('PolicyName', arn.split('/').pop() ?? '')}${element('PolicyArn', arn)}</member>`);
        return { status: 200, body: answer(action, `<IsTruncated>false</IsTruncated><AttachedPolicies>${members.join('')}</AttachedPolicies>`) };
      }
      case 'AttachRolePolicy': {
        const role = roles.get(p.RoleName ?? '');
        if (!role) return noSuchRole(p.RoleName ?? '');
        if (!policyNamed(p.PolicyArn ?? '')) return noSuchPolicy(p.PolicyArn ?? '');
        if (!role.attached.includes(p.PolicyArn ?? '')) role.attached.push(p.PolicyArn ?? '');
        return { status: 200, body: `<AttachRolePolicyResponse xmlns="${IAM_NS}"><ResponseMetadata><RequestId>7a62c49f</RequestId></ResponseMetadata></AttachRolePolicyResponse>` };
      }
      default:
        return error(400, 'InvalidAction', `Could not find operation ${action}.`);
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      const params = Object.fromEntries(form.entries());
      const { Action: action = '', Version: _version, ...rest } = params;
      const accessKey = /Credential=([^/]+)\//.exec(req.headers.authorization ?? '')?.[1] ?? null;
      requests.push({ action, params: rest, accessKey });
      const { status, body } = handle(action, rest);
      res.writeHead(status, { 'content-type': 'text/xml' });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    policies,
    roles,
    policyArn,
    roleArn,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
