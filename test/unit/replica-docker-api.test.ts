// Docker Cloud replica's decisions: which Save links, which error each wrong role earns, and the
// routes and guards (login, CSRF, namespaces) a content script meets, over a real local HTTP server.
import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleDockerRequest, releaseHeldDockerRequests } from '../replica/docker/api';
import { DOCKERCLOUD_POLICY, role } from '../replica/docker/fixtures';
import { decideSave, ERRORS } from '../replica/docker/verify';
import { freshState, type ConfigPatch, type ReplicaState } from '../replica/state';

const arnOf = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

function stateWith(patch: ConfigPatch = {}): ReplicaState {
  const state = freshState(patch);
  state.policies.push(
    DOCKERCLOUD_POLICY,
    { ...DOCKERCLOUD_POLICY, name: 'dockercloud-policy', arn: 'arn:aws:iam::123456789012:policy/s3/dockercloud-policy', document: '{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' },
  );
  state.roles.push(
    role('dockercloud-role-moby', { externalId: 'moby' }),
    role('dockercloud-role-teamawesome', { externalId: 'teamawesome' }),
    role('no-external-id', { externalId: null }),
    role('mfa', { externalId: 'moby', requireMfa: true }),
    role('wrong-principal', { externalId: 'moby', principal: 'arn:aws:iam::111111111111:root' }),
    role('bare-account-principal', { externalId: 'moby', principal: '689684103426' }),
    role('no-policy', { externalId: 'moby', policies: [] }),
    role('other-policy', { externalId: 'moby', policies: ['arn:aws:iam::aws:policy/AmazonEC2FullAccess'] }),
    role('s3-only-policy', { externalId: 'moby', policies: ['arn:aws:iam::123456789012:policy/s3/dockercloud-policy'] }),
  );
  return state;
}

describe('decideSave (verify mode)', () => {
  const error = (state: ReplicaState, ns: string, arn: string) => {
    const decision = decideSave(state, ns, arn);
    return decision.kind === 'answer' && 'error' in decision.body ? decision.body.error : decision.kind === 'answer' ? null : 'held';
  };

  it('links a role that trusts Docker Cloud with the namespace as External ID and dockercloud-policy', () => {
    const state = stateWith();
    expect(decideSave(state, 'moby', arnOf('dockercloud-role-moby'))).toEqual({
      kind: 'answer', status: 200, body: { role_arn: arnOf('dockercloud-role-moby'), provider: 'aws' },
    });
    expect(error(state, 'teamawesome', arnOf('dockercloud-role-teamawesome'))).toBeNull();
    expect(error(state, 'moby', `  ${arnOf('dockercloud-role-moby')}\n`)).toBeNull();
    expect(error(state, 'moby', arnOf('bare-account-principal'))).toBeNull();
  });

  it('answers each wrong role as Docker Cloud did', () => {
    const state = stateWith();
    expect(error(state, 'moby', arnOf('does-not-exist'))).toBe(ERRORS.invalidRole);
    expect(error(state, 'moby', '')).toBe(ERRORS.invalidRole);
    expect(error(state, 'moby', 'arn:aws:iam::123456789012:role/DOCKERCLOUD-ROLE-MOBY')).toBe(ERRORS.invalidRole);
    expect(error(state, 'teamawesome', arnOf('dockercloud-role-moby'))).toBe(ERRORS.invalidCredentials);
    expect(error(state, 'moby', arnOf('no-external-id'))).toBe(ERRORS.invalidCredentials);
    expect(error(state, 'moby', arnOf('mfa'))).toBe(ERRORS.invalidRole);
    expect(error(state, 'moby', arnOf('wrong-principal'))).toBe(ERRORS.invalidRole);
    expect(error(state, 'moby', arnOf('no-policy'))).toBe(ERRORS.invalidRole);
    expect(error(state, 'moby', arnOf('other-policy'))).toBe(ERRORS.invalidRole);
    expect(error(state, 'moby', arnOf('s3-only-policy'))).toBe(ERRORS.invalidRole);
  });

  it('reads condition operators and keys case-insensitively, as IAM does', () => {
    const state = stateWith();
    state.roles.push({
      ...role('lowercase-keys'),
      trustPolicy: JSON.stringify({
        Statement: { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::689684103426:root'] }, Action: ['sts:AssumeRole'],
          Condition: { stringequals: { 'STS:EXTERNALID': 'moby' } } },
      }),
    });
    expect(error(state, 'moby', arnOf('lowercase-keys'))).toBeNull();
  });

  it('guards sign-in, namespace and an existing link before anything else', () => {
    expect(error(stateWith({ docker: { signedInAs: null } }), 'moby', arnOf('dockercloud-role-moby'))).toBe(ERRORS.notAuthenticated);
    expect(decideSave(stateWith(), 'someoneelse', arnOf('dockercloud-role-moby'))).toMatchObject({ status: 403 });
    const linked = stateWith({ docker: { alreadyLinked: { moby: { method: 'access-key' } } } });
    expect(decideSave(linked, 'moby', arnOf('dockercloud-role-moby'))).toMatchObject({ status: 409 });
  });

  it('forces the configured answer', () => {
    const forced = (save: ReplicaState['config']['docker']['save']) =>
      decideSave(stateWith({ docker: { save } }), 'moby', arnOf('dockercloud-role-moby'));
    expect(forced('invalid-role')).toMatchObject({ status: 400, body: { error: ERRORS.invalidRole } });
    expect(forced('invalid-credentials')).toMatchObject({ status: 400, body: { error: ERRORS.invalidCredentials } });
    expect(forced('unauthorized-operation')).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^AWS returned an error: unauthorized operation.*enough permissions$/) } });
    expect(forced('server-error')).toMatchObject({ status: 500, body: { error: 'Internal server error' } });
    expect(forced('timeout')).toEqual({ kind: 'hold' });
  });
});

// ------------------------------------------------------------------ over HTTP

let server: Server;
let port: number;
let state: ReplicaState;

beforeAll(async () => {
  server = createServer((req, res) => {
    void Promise.resolve(handleDockerRequest(req, res, state, new URL(req.url ?? '/', 'https://cloud.docker.com'))).then((handled) => {
      if (!handled) res.writeHead(404).end('Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(async () => {
  releaseHeldDockerRequests();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  state = stateWith();
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(method: string, path: string, opts: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: 'cloud.docker.com', ...opts.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (opts.timeoutMs) req.setTimeout(opts.timeoutMs, () => req.destroy(new Error('timeout')));
    req.end(opts.body);
  });
}

const SESSION = { cookie: 'csrftoken=abc123; sessionid=s1', 'x-csrftoken': 'abc123', 'content-type': 'application/json' };
const save = (ns: string, roleArn: string, headers: Record<string, string> = SESSION) =>
  call('POST', `/api/infra/v1/${ns}/provider/aws/credential/`, { headers, body: JSON.stringify({ role_arn: roleArn }) });

describe('pages', () => {
  it('sends / to the dashboard of the signed-in user, per layout', async () => {
    expect((await call('GET', '/')).headers.location).toBe('/app/moby/dashboard/onboarding/welcome');
    state.config.docker.layout = 'swarm';
    expect((await call('GET', '/')).headers.location).toBe('/swarm/moby/swarms');
    expect((await call('GET', '/app/teamawesome/settings')).headers.location).toBe('/swarm/teamawesome/swarms');
    expect((await call('GET', '/swarm/moby')).headers.location).toBe('/swarm/moby/swarms');
  });

  it('sends a signed-out visitor to the login page and back after logging in', async () => {
    state.config.docker.signedInAs = null;
    expect((await call('GET', '/')).headers.location).toBe('/login');
    expect((await call('GET', '/app/moby/settings')).headers.location).toBe('/login?next=%2Fapp%2Fmoby%2Fsettings');
    const login = await call('GET', '/login');
    expect(login.status).toBe(200);
    expect(login.body).toContain('Log in to Docker Cloud');
    const bad = await call('POST', '/login', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=moby&password=' });
    expect(bad.body).toContain('Incorrect Docker ID or password.');
    const ok = await call('POST', '/login', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=moby&password=pw&next=%2Fapp%2Fmoby%2Fsettings',
    });
    expect(ok.headers.location).toBe('/app/moby/settings');
    expect(state.config.docker.signedInAs).toBe('moby');
    expect((await call('GET', '/logout')).headers.location).toBe('/login');
    expect(state.config.docker.signedInAs).toBeNull();
  });

  it('serves the app shell with a CSRF cookie, 404s unknown namespaces, and serves its assets', async () => {
    const shell = await call('GET', '/app/teamawesome/settings');
    expect(shell.status).toBe(200);
    expect(shell.body).toContain('"organizations":["teamawesome"]');
    expect(String(shell.headers['set-cookie'])).toMatch(/csrftoken=\w+/);
    expect((await call('GET', '/app/stranger/settings')).status).toBe(404);
    expect((await call('GET', '/static/dockercloud/app.js')).body).toContain('Add AWS Credentials');
    expect((await call('GET', '/static/dockercloud/app.css')).status).toBe(200);
    expect((await call('GET', '/nothing-here')).status).toBe(404);
  });
});

describe('credential API', () => {
  it('links on a good Save, records it, lists it and unlinks it', async () => {
    const answer = await save('moby', arnOf('dockercloud-role-moby'));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ provider: 'aws', method: 'role', role_arn: arnOf('dockercloud-role-moby') });
    expect(state.dockerLinks.moby).toEqual({ method: 'role', roleArn: arnOf('dockercloud-role-moby') });
    expect(state.dockerSaves).toEqual([{ namespace: 'moby', roleArn: arnOf('dockercloud-role-moby'), error: null }]);

    const list = JSON.parse((await call('GET', '/api/infra/v1/moby/provider/')).body);
    expect(list.objects.map((p: { label: string }) => p.label)).toEqual(['Amazon Web Services', 'DigitalOcean', 'Microsoft Azure', 'SoftLayer', 'Packet']);
    expect(list.objects[0].credential.role_arn).toBe(arnOf('dockercloud-role-moby'));

    expect((await save('moby', arnOf('dockercloud-role-moby'))).status).toBe(409);
    expect((await call('DELETE', '/api/infra/v1/moby/provider/aws/credential/', { headers: SESSION })).status).toBe(204);
    expect(state.dockerLinks.moby).toBeUndefined();
  });

  it('returns the error text the page shows, and records every attempt', async () => {
    const wrong = await save('teamawesome', arnOf('dockercloud-role-moby'));
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.body)).toEqual({ error: ERRORS.invalidCredentials });
    state.config.docker.save = 'server-error';
    expect((await save('moby', arnOf('dockercloud-role-moby'))).status).toBe(500);
    state.config.docker.save = 'verify';
    state.config.docker.signedInAs = null;
    const loggedOut = await save('moby', arnOf('dockercloud-role-moby'));
    expect(loggedOut.status).toBe(401);
    expect(JSON.parse(loggedOut.body)).toEqual({ error: 'Authentication credentials were not provided.' });
    expect(state.dockerSaves.map((s) => s.error)).toEqual([ERRORS.invalidCredentials, 'Internal server error', ERRORS.notAuthenticated]);
    expect(state.dockerLinks).toEqual({});
  });

  it('wants the CSRF token a session call carries, but not with an API key', async () => {
    const noCsrf = await save('moby', arnOf('dockercloud-role-moby'), { 'content-type': 'application/json' });
    expect(noCsrf.status).toBe(403);
    expect(state.dockerLinks).toEqual({});
    const apiKey = await save('moby', arnOf('dockercloud-role-moby'), {
      'content-type': 'application/json', authorization: `Basic ${Buffer.from('moby:key').toString('base64')}`,
    });
    expect(apiKey.status).toBe(200);
    expect(state.dockerSaves).toHaveLength(2);
  });

  it('never answers a Save in timeout mode, until the connection is released', async () => {
    state.config.docker.save = 'timeout';
    const pending = save('moby', arnOf('dockercloud-role-moby'));
    const outcome = await Promise.race([pending.then(() => 'answered', () => 'failed'), new Promise((r) => setTimeout(() => r('waiting'), 800))]);
    expect(outcome).toBe('waiting');
    expect(state.dockerSaves).toEqual([{ namespace: 'moby', roleArn: arnOf('dockercloud-role-moby'), error: '(no answer: timeout)' }]);
    releaseHeldDockerRequests();
    await expect(pending).rejects.toThrow();
    expect(state.dockerLinks).toEqual({});
  });
});
