// The replica server answers as the IAM console by Host header, injects its config into the page
// shell, and records what the IAM replica's API creates.
import { request } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReplicaServer, type ReplicaServer } from '../replica/server';

let server: ReplicaServer;

beforeAll(async () => {
  server = await startReplicaServer();
});
afterAll(async () => {
  await server?.close();
});

function fetchAs(host: string, path: string, init: { method?: string; body?: unknown } = {}) {
  return new Promise<{ status: number; text: string; type: string }>((resolve, reject) => {
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: init.method ?? 'GET',
        servername: host,
        rejectUnauthorized: false,
        headers: { host, ...(body ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, type: String(res.headers['content-type']) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function injectedConfig(html: string): unknown {
  const match = /<script type="application\/json" id="replica-config">([^<]*)<\/script>/.exec(html);
  return match ? JSON.parse(match[1] ?? '') : undefined;
}

describe('replica server', () => {
  it('serves the IAM console on the console hosts and nothing on other hosts', async () => {
    const page = await fetchAs('console.aws.amazon.com', '/iam/home?region=us-east-1');
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.text).toContain('<title>IAM Management Console</title>');
    expect(page.text).toContain('<div id="root"></div>');

    const regional = await fetchAs('us-east-1.console.aws.amazon.com', '/iam/home');
    expect(regional.status).toBe(200);

    const ec2 = await fetchAs('console.aws.amazon.com', '/ec2/home');
    expect(ec2.text).toContain('EC2 Dashboard');
    expect(ec2.text).not.toContain('replica-config');

    expect((await fetchAs('example.com', '/iam/home')).status).toBe(404);
  });

  it('injects the current config into the page, with "<" escaped', async () => {
    server.reset();
    server.configure({ aws: { locale: 'ja', drift: { reorderFields: true } } });
    const page = await fetchAs('console.aws.amazon.com', '/iam/home');
    expect(page.text).toContain('<title>IAM 管理コンソール</title>');
    expect(injectedConfig(page.text)).toMatchObject({
      aws: { variant: 'current', locale: 'ja', drift: { reorderFields: true, duplicateAccountIdField: false } },
    });

    server.configure({ docker: { signedInAs: '</script><b>x' } });
    const escaped = await fetchAs('console.aws.amazon.com', '/iam/home');
    expect(escaped.text).not.toContain('</script><b>');
    expect(injectedConfig(escaped.text)).toMatchObject({ docker: { signedInAs: '</script><b>x' } });

    const posted = await fetchAs('cloud.docker.com', '/__replica/config', { method: 'POST', body: { aws: { variant: 'legacy' } } });
    expect(posted.status).toBe(200);
    expect(server.state.config.aws).toMatchObject({ variant: 'legacy', locale: 'ja' });
    await fetchAs('console.aws.amazon.com', '/__replica/reset', { method: 'POST' });
    expect(server.state.config.aws.variant).toBe('current');
  });

  it('records a policy created through the replica API and refuses a duplicate name', async () => {
    server.reset();
    const document = JSON.stringify({ Version: '2012-10-17', Statement: [] });
    const created = await fetchAs('console.aws.amazon.com', '/__replica/iam/policies', {
      method: 'POST',
      body: { name: 'dockercloud-policy', description: 'Docker Cloud', document },
    });
    expect(created.status).toBe(201);
    expect(server.state.policies).toEqual([
      {
        name: 'dockercloud-policy',
        arn: 'arn:aws:iam::123456789012:policy/dockercloud-policy',
        description: 'Docker Cloud',
        document,
      },
    ]);

    const duplicate = await fetchAs('console.aws.amazon.com', '/__replica/iam/policies', {
      method: 'POST',
      body: { name: 'DockerCloud-Policy', description: '', document },
    });
    expect(duplicate.status).toBe(409);
    expect(JSON.parse(duplicate.text)).toEqual({
      error: 'A policy called DockerCloud-Policy already exists. Duplicate names are not allowed.',
    });

    const state = JSON.parse((await fetchAs('console.aws.amazon.com', '/__replica/state')).text);
    expect(state.policies).toHaveLength(1);
  });

  it('records a role, refuses a duplicate, and reads it back case-insensitively', async () => {
    server.reset();
    const role = { name: 'dockercloud-role', description: '', trustPolicy: '{}', attachedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] };
    expect((await fetchAs('console.aws.amazon.com', '/__replica/iam/roles', { method: 'POST', body: role })).status).toBe(201);
    const duplicate = await fetchAs('console.aws.amazon.com', '/__replica/iam/roles', { method: 'POST', body: role });
    expect(JSON.parse(duplicate.text)).toEqual({ error: 'Role with name dockercloud-role already exists.' });
    const read = await fetchAs('console.aws.amazon.com', '/__replica/iam/roles/DockerCloud-Role');
    expect(JSON.parse(read.text).role).toMatchObject({ arn: 'arn:aws:iam::123456789012:role/dockercloud-role' });
    expect((await fetchAs('console.aws.amazon.com', '/__replica/iam/roles/nope')).status).toBe(404);
    expect((await fetchAs('console.aws.amazon.com', '/__replica/iam/roles', { method: 'POST', body: { ...role, name: 'bad name' } })).status).toBe(400);
  });
});
