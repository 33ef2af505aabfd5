// The replica server: one HTTPS server on 127.0.0.1 that answers as the IAM console and Docker Cloud
// (Chromium maps the real host names to it), and keeps what was created in memory for assertions.
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureReplicaCert } from './cert';
import { churnPage } from './churn';
import { handleDockerRequest } from './docker/api';
import {
  applyConfig,
  freshState,
  type ConfigPatch,
  type CreatedPolicy,
  type CreatedRole,
  type RecordedInput,
  type RecordedPress,
  type ReplicaConfig,
  type ReplicaState,
} from './state';

export interface ReplicaServer {
  port: number;
  /** `https://<host>:<port>`, for requests made without the host-resolver mapping. */
  origin(host: string): string;
  /** The live state; reset() refills this same object, so a held reference stays current. */
  state: ReplicaState;
  configure(patch: ConfigPatch): void;
  reset(patch?: ConfigPatch): void;
  close(): Promise<void>;
}

const replicaRoot = fileURLToPath(new URL('.', import.meta.url));
const distDir = join(replicaRoot, 'dist');
const repoRoot = join(replicaRoot, '..', '..');

export function isAwsConsoleHost(host: string): boolean {
  return host === 'console.aws.amazon.com' || host.endsWith('.console.aws.amazon.com');
}

export async function startReplicaServer(
  opts: { port?: number; config?: ConfigPatch } = {},
): Promise<ReplicaServer> {
  const state = freshState(opts.config);
  const createdAt = new Map<string, string>();
  const { key, cert } = ensureReplicaCert();
  const server: Server = createServer({ key, cert }, (req, res) => {
    route(req, res, state, createdAt).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    origin: (host) => `https://${host}:${port}`,
    state,
    configure: (patch) => {
      state.config = applyConfig(state.config, patch);
    },
    reset: (patch) => resetState(state, createdAt, patch),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function resetState(state: ReplicaState, createdAt: Map<string, string>, patch?: ConfigPatch): void {
  Object.assign(state, freshState(patch));
  createdAt.clear();
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  state: ReplicaState,
  createdAt: Map<string, string>,
): Promise<void> {
  const host = (req.headers.host ?? 'localhost').replace(/:\d+$/, '').toLowerCase();
  const url = new URL(req.url ?? '/', `https://${host}`);
  const path = url.pathname;

  if (path.startsWith('/__replica/')) {
    if (handleControl(req, res, state, createdAt, url) || (await handleIamApi(req, res, state, createdAt, url))) return;
    if (path.startsWith('/__replica/assets/')) return serveAsset(res, path.slice('/__replica/assets/'.length));
  }
  if (isAwsConsoleHost(host)) return serveAwsConsole(req, res, state, url);
  if (host === 'cloud.docker.com') {
    if (await handleDockerRequest(req, res, state, url)) return;
  }
  notFound(res);
}

// ---------------------------------------------------------------- control endpoints

function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  state: ReplicaState,
  createdAt: Map<string, string>,
  url: URL,
): boolean {
  const path = url.pathname;
  if (req.method === 'GET' && path === '/__replica/state') {
    sendJson(res, 200, state);
    return true;
  }
  if (req.method === 'POST' && path === '/__replica/config') {
    void readJson<ConfigPatch>(req).then(
      (patch) => {
        state.config = applyConfig(state.config, patch ?? {});
        sendJson(res, 200, state.config);
      },
      (error: unknown) => sendJson(res, 400, { error: String(error) }),
    );
    return true;
  }
  // The IAM replica's recorder: values reaching its controls, and its primary buttons pressed (record.ts).
  if (req.method === 'POST' && path === '/__replica/record') {
    void readJson<{ inputs?: RecordedInput[]; presses?: RecordedPress[] }>(req).then(
      (batch) => {
        state.inputs.push(...(batch?.inputs ?? []));
        state.presses.push(...(batch?.presses ?? []));
        sendJson(res, 200, {});
      },
      (error: unknown) => sendJson(res, 400, { error: String(error) }),
    );
    return true;
  }
  if (req.method === 'POST' && path === '/__replica/reset') {
    void readJson<ConfigPatch>(req).then(
      (patch) => {
        resetState(state, createdAt, patch ?? {});
        sendJson(res, 200, state);
      },
      (error: unknown) => sendJson(res, 400, { error: String(error) }),
    );
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- IAM replica API

const POLICY_NAME = /^[\w+=,.@-]{1,128}$/;
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** IAM's own messages; the replica pages show whatever error text this API returns. */
export const IAM_ERRORS = {
  policyExists: (name: string) => `A policy called ${name} already exists. Duplicate names are not allowed.`,
  roleExists: (name: string) => `Role with name ${name} already exists.`,
  policyName: 'The policy name must have 1–128 characters. Use alphanumeric and "+=,.@-_" characters.',
  roleName: 'The role name must have 1–64 characters. Use alphanumeric and "+=,.@-_" characters.',
  malformedPolicy: 'MalformedPolicyDocument: the policy document is not valid JSON.',
};

async function handleIamApi(
  req: IncomingMessage,
  res: ServerResponse,
  state: ReplicaState,
  createdAt: Map<string, string>,
  url: URL,
): Promise<boolean> {
  const path = url.pathname;
  if (!path.startsWith('/__replica/iam/')) return false;
  const withDate = <T extends { arn: string }>(item: T) => ({ ...item, createdAt: createdAt.get(item.arn) ?? null });

  if (path === '/__replica/iam/policies' && req.method === 'GET') {
    sendJson(res, 200, { accountId: state.accountId, policies: state.policies.map(withDate) });
    return true;
  }
  if (path === '/__replica/iam/policies' && req.method === 'POST') {
    const body = await readJson<Partial<CreatedPolicy>>(req).catch(() => null);
    const name = String(body?.name ?? '');
    const document = String(body?.document ?? '');
    if (!POLICY_NAME.test(name)) return sendJson(res, 400, { error: IAM_ERRORS.policyName }), true;
    if (state.policies.some((p) => p.name.toLowerCase() === name.toLowerCase())) {
      return sendJson(res, 409, { error: IAM_ERRORS.policyExists(name) }), true;
    }
    if (!isJson(document)) return sendJson(res, 400, { error: IAM_ERRORS.malformedPolicy }), true;
    const policy: CreatedPolicy = {
      name,
      arn: `arn:aws:iam::${state.accountId}:policy/${name}`,
      description: String(body?.description ?? ''),
      document,
    };
    state.policies.push(policy);
    createdAt.set(policy.arn, new Date().toISOString());
    sendJson(res, 201, { policy: withDate(policy) });
    return true;
  }
  if (path === '/__replica/iam/roles' && req.method === 'GET') {
    sendJson(res, 200, { accountId: state.accountId, roles: state.roles.map(withDate) });
    return true;
  }
  if (path === '/__replica/iam/roles' && req.method === 'POST') {
    const body = await readJson<Partial<CreatedRole>>(req).catch(() => null);
    const name = String(body?.name ?? '');
    const trustPolicy = String(body?.trustPolicy ?? '');
    if (!ROLE_NAME.test(name)) return sendJson(res, 400, { error: IAM_ERRORS.roleName }), true;
    if (state.roles.some((r) => r.name.toLowerCase() === name.toLowerCase())) {
      return sendJson(res, 409, { error: IAM_ERRORS.roleExists(name) }), true;
    }
    if (!isJson(trustPolicy)) return sendJson(res, 400, { error: IAM_ERRORS.malformedPolicy }), true;
    const role: CreatedRole = {
      name,
      arn: `arn:aws:iam::${state.accountId}:role/${name}`,
      description: String(body?.description ?? ''),
      trustPolicy,
      attachedPolicyArns: Array.isArray(body?.attachedPolicyArns) ? body.attachedPolicyArns.map(String) : [],
    };
    state.roles.push(role);
    createdAt.set(role.arn, new Date().toISOString());
    sendJson(res, 201, { role: withDate(role) });
    return true;
  }
  const roleMatch = /^\/__replica\/iam\/roles\/([^/]+)$/.exec(path);
  if (roleMatch && req.method === 'GET') {
    const name = decodeURIComponent(roleMatch[1] ?? '').toLowerCase();
    const role = state.roles.find((r) => r.name.toLowerCase() === name);
    if (role) sendJson(res, 200, { role: withDate(role) });
    else sendJson(res, 404, { error: 'NoSuchEntity' });
    return true;
  }
  sendJson(res, 404, { error: 'Unknown replica IAM endpoint' });
  return true;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------- pages

function serveAwsConsole(req: IncomingMessage, res: ServerResponse, state: ReplicaState, url: URL): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return notFound(res);
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const session = state.config.aws.multiSessionHost;
  if (session && url.hostname !== session && path.startsWith('/iam')) {
    // A multi-session console sends every console URL to the signed-in session's own host.
    res.writeHead(302, { location: `https://${session}${url.pathname}${url.search}` });
    return void res.end();
  }
  if ((path === '/iam/home' || path === '/iam') && url.searchParams.get('replica') === 'churn') return sendHtml(res, churnPage());
  // /iamv2/ was the new console's path in 2021–2023: old links still land there.
  if (path === '/iam/home' || path === '/iam' || path === '/iamv2/home' || path === '/iamv2') {
    const lang = state.config.aws.locale;
    const title = { en: 'IAM Management Console', ja: 'IAM 管理コンソール', de: 'IAM-Managementkonsole' }[lang];
    return sendHtml(res, replicaHtmlShell({ title, entry: 'aws', lang, config: state.config, accountId: state.accountId }));
  }
  if (path === '/ec2/home' || path === '/ec2') {
    return sendHtml(res, plainPage('EC2 Management Console', '<h1>EC2 Dashboard</h1><p>Resources: 0 running instances.</p>'));
  }
  if (path === '/' || path === '/console/home') {
    return sendHtml(
      res,
      plainPage('AWS Management Console', '<h1>Console Home</h1><ul><li><a href="/iam/home">IAM</a></li><li><a href="/ec2/home">EC2</a></li></ul>'),
    );
  }
  notFound(res);
}

interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  css?: string[];
  imports?: string[];
}

function readManifest(): Record<string, ManifestChunk> {
  const path = join(distDir, '.vite', 'manifest.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>) : {};
}

/** JSON that is safe inside a <script> element (the content is trusted test data). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * The HTML page a replica app boots from: its built entry `<app>` (see vite.config.ts), plus the
 * config as `<script type="application/json" id="replica-config">`.
 */
export function replicaHtmlShell(opts: {
  title: string;
  entry: string;
  lang?: string;
  config: ReplicaConfig;
  accountId?: string;
}): string {
  const manifest = readManifest();
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry && chunk.name === opts.entry);
  const css = new Set<string>();
  const preloads = new Set<string>();
  const visit = (chunk: ManifestChunk | undefined, seen = new Set<ManifestChunk>()) => {
    if (!chunk || seen.has(chunk)) return;
    seen.add(chunk);
    chunk.css?.forEach((file) => css.add(file));
    for (const key of chunk.imports ?? []) {
      const imported = manifest[key];
      if (imported) preloads.add(imported.file);
      visit(imported, seen);
    }
  };
  visit(entry);
  const asset = (file: string) => `/__replica/assets/${file}`;
  return `<!doctype html>
<html lang="${opts.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
${opts.accountId ? `<meta name="replica-account-id" content="${escapeHtml(opts.accountId)}">` : ''}
${[...css].map((file) => `<link rel="stylesheet" href="${asset(file)}">`).join('\n')}
${[...preloads].map((file) => `<link rel="modulepreload" href="${asset(file)}">`).join('\n')}
<script type="application/json" id="replica-config">${scriptJson(opts.config)}</script>
</head>
<body>
<div id="root"></div>
${entry ? `<script type="module" src="${asset(entry.file)}"></script>` : `<p id="replica-missing-build">Replica bundle "${escapeHtml(opts.entry)}" is not built: run npm run build:replica.</p>`}
</body>
</html>
`;
}

function plainPage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function serveAsset(res: ServerResponse, relative: string): void {
  const file = normalize(join(distDir, decodeURIComponent(relative)));
  if (!file.startsWith(distDir + sep) || !existsSync(file) || !statSync(file).isFile()) return notFound(res);
  // Chunks and files carry a content hash in their names; entries (aws.js) do not.
  const hashed = /^(chunks|files)\//.test(relative);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(readFileSync(file));
}

// ---------------------------------------------------------------- helpers

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}

async function readJson<T>(req: IncomingMessage): Promise<T | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  return text ? (JSON.parse(text) as T) : undefined;
}

// ---------------------------------------------------------------- build

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when test/replica/dist was built after every replica page source changed. */
export function replicaBuildIsFresh(): boolean {
  const manifest = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifest)) return false;
  const sources = ['aws', 'docker', 'state.ts', 'vite.config.ts'].map((p) => newestMtime(join(replicaRoot, p)));
  return statSync(manifest).mtimeMs > Math.max(...sources);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the replica bundles into test/replica/dist unless they are fresh. A lock directory keeps
 * parallel test workers from building into the same folder at once.
 */
export async function buildReplica(opts: { force?: boolean } = {}): Promise<void> {
  const lock = join(repoRoot, '.cache', 'replica-build.lock');
  mkdirSync(join(repoRoot, '.cache'), { recursive: true });
  for (;;) {
    if (!opts.force && replicaBuildIsFresh()) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker is building; a lock older than five minutes belongs to a dead process.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
    }
  }
  try {
    if (!opts.force && replicaBuildIsFresh()) return;
    const { build } = await import('vite');
    await build({ configFile: join(replicaRoot, 'vite.config.ts') });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
