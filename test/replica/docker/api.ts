// Docker Cloud's replica on cloud.docker.com: the web app's pages (a server-rendered shell plus one
// vanilla client script, no build step), the login page, and the infra API the page saves to.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReplicaState } from '../state';
import { appShell, landingPath, loginPage, notFoundPage, settingsPath } from './pages';
import { decideSave, ERRORS, namespacesOf } from './verify';

/** How long Save takes to answer, so the page's spinner is real. */
const SAVE_LATENCY_MS = 300;
/** A 'timeout' save is never answered; its socket is destroyed after this. */
const HELD_SAVE_MS = 60_000;
const CREDENTIAL_PATH = /^\/api\/infra\/v1\/([a-z0-9]+)\/provider\/aws\/credential\/?$/;
const PROVIDERS_PATH = /^\/api\/infra\/v1\/([a-z0-9]+)\/provider\/?$/;
const APP_PATH = /^\/(app|swarm)(?:\/([^/]+))?(\/.*)?$/;

const STATIC_FILES: Record<string, { file: string; type: string }> = {
  '/static/dockercloud/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/static/dockercloud/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

const heldSaves = new Set<ServerResponse>();

const saveGate: { holding: boolean; waiting: (() => void)[] } = { holding: false, waiting: [] };

/** Holds every Save that arrives until `release()`; `arrived()` counts those held. For tests only. */
export function holdDockerSaves(): { arrived: () => number; release: () => void } {
  saveGate.holding = true;
  return {
    arrived: () => saveGate.waiting.length,
    release: () => {
      saveGate.holding = false;
      for (const go of saveGate.waiting.splice(0)) go();
    },
  };
}

/** Ends every held 'timeout' save now: for a server that closes before the 60 s elapse. */
export function releaseHeldDockerRequests(): void {
  for (const res of heldSaves) res.socket?.destroy();
  heldSaves.clear();
}

export function handleDockerRequest(
  req: IncomingMessage,
  res: ServerResponse,
  state: ReplicaState,
  url: URL,
): boolean | Promise<boolean> {
  const path = url.pathname;
  const method = req.method ?? 'GET';

  const asset = STATIC_FILES[path];
  if (asset && method === 'GET') {
    const body = readFileSync(new URL(`./client/${asset.file}`, import.meta.url));
    res.writeHead(200, { 'content-type': asset.type, 'cache-control': 'no-store' }).end(body);
    return true;
  }
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return true;
  }
  if (path.startsWith('/api/')) return handleApi(req, res, state, path, method);
  if (path === '/login' || path === '/login/') return handleLogin(req, res, state, url, method);
  if (path === '/logout' || path === '/logout/') {
    state.config.docker.signedInAs = null;
    redirect(res, '/login');
    return true;
  }
  if (method !== 'GET' && method !== 'HEAD') return false;

  const user = state.config.docker.signedInAs;
  const { layout } = state.config.docker;
  if (path === '/') {
    redirect(res, user ? landingPath(layout, user) : '/login');
    return true;
  }
  const match = APP_PATH.exec(path);
  if (!match) return false;
  if (!user) {
    redirect(res, `/login?next=${encodeURIComponent(path + url.search)}`);
    return true;
  }
  const [, prefix, namespace, rest] = match;
  if (!namespace || !namespacesOf(state).includes(namespace)) {
    if (!namespace) redirect(res, landingPath(layout, user));
    else html(res, 404, notFoundPage(layout));
    return true;
  }
  // The other generation's URLs land on this generation's dashboard, as a mode switch would.
  if (prefix !== (layout === 'legacy' ? 'app' : 'swarm') || !rest || rest === '/') {
    redirect(res, landingPath(layout, namespace));
    return true;
  }
  const csrf = readCookies(req).csrftoken ?? randomBytes(16).toString('hex');
  res.setHeader('set-cookie', [
    `csrftoken=${csrf}; Path=/; Secure; SameSite=Lax`,
    `sessionid=${randomBytes(16).toString('hex')}; Path=/; Secure; HttpOnly; SameSite=Lax`,
  ]);
  html(res, 200, appShell({ layout, user, organizations: state.config.docker.organizations }));
  return true;
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  state: ReplicaState,
  path: string,
  method: string,
): Promise<boolean> {
  const providers = PROVIDERS_PATH.exec(path);
  const credential = CREDENTIAL_PATH.exec(path);
  if (!providers && !credential) {
    json(res, 404, { error: 'Not found' });
    return true;
  }
  const namespace = (providers ?? credential)?.[1] ?? '';

  if (providers) {
    if (method !== 'GET') return json(res, 405, { error: `Method "${method}" not allowed.` }), true;
    const denied = accessProblem(state, namespace);
    if (denied) return json(res, denied.status, { error: denied.error }), true;
    json(res, 200, providerList(state, namespace));
    return true;
  }

  if (method === 'GET') {
    const denied = accessProblem(state, namespace);
    if (denied) return json(res, denied.status, { error: denied.error }), true;
    const link = state.dockerLinks[namespace];
    if (!link) return json(res, 404, { error: ERRORS.notLinked }), true;
    json(res, 200, credentialBody(link));
    return true;
  }

  if (method === 'DELETE') {
    const denied = accessProblem(state, namespace) ?? csrfProblem(req);
    if (denied) return json(res, denied.status, { error: denied.error }), true;
    if (!state.dockerLinks[namespace]) return json(res, 404, { error: ERRORS.notLinked }), true;
    delete state.dockerLinks[namespace];
    res.writeHead(204).end();
    return true;
  }

  if (method !== 'POST') return json(res, 405, { error: `Method "${method}" not allowed.` }), true;

  const text = await readBody(req);
  // A test holding Saves acts while one is in flight (a worker stopped, another tab), then lets it through.
  if (saveGate.holding) await new Promise<void>((release) => saveGate.waiting.push(release));
  let roleArn = '';
  let parseError: string | null = null;
  if (!/application\/json/i.test(req.headers['content-type'] ?? '')) {
    parseError = `Unsupported media type "${req.headers['content-type'] ?? ''}" in request.`;
  } else {
    try {
      const body = JSON.parse(text) as { role_arn?: unknown };
      roleArn = typeof body?.role_arn === 'string' ? body.role_arn : '';
    } catch {
      parseError = 'JSON parse error';
    }
  }
  const record = (error: string | null) => state.dockerSaves.push({ namespace, roleArn, error });

  const early =
    (!state.config.docker.signedInAs && { status: 401, error: ERRORS.notAuthenticated }) ||
    csrfProblem(req) ||
    (parseError && { status: parseError.startsWith('JSON') ? 400 : 415, error: parseError });
  if (early) {
    record(early.error);
    json(res, early.status, { error: early.error });
    return true;
  }

  const decision = decideSave(state, namespace, roleArn);
  if (decision.kind === 'hold') {
    record('(no answer: timeout)');
    hold(res);
    return true;
  }
  const error = 'error' in decision.body ? decision.body.error : null;
  record(error);
  if (!error) state.dockerLinks[namespace] = { method: 'role', roleArn: roleArn.trim() };
  await delay(SAVE_LATENCY_MS);
  json(res, decision.status, error ? decision.body : credentialBody(state.dockerLinks[namespace]!));
  return true;
}

function handleLogin(
  req: IncomingMessage,
  res: ServerResponse,
  state: ReplicaState,
  url: URL,
  method: string,
): boolean | Promise<boolean> {
  const { layout } = state.config.docker;
  const next = safeNext(url.searchParams.get('next'));
  if (method === 'GET') {
    const user = state.config.docker.signedInAs;
    if (user) redirect(res, next ?? landingPath(layout, user));
    else html(res, 200, loginPage({ next, error: null }));
    return true;
  }
  if (method !== 'POST') return false;
  return readBody(req).then((text) => {
    const form = new URLSearchParams(text);
    const username = (form.get('username') ?? '').trim().toLowerCase();
    const formNext = safeNext(form.get('next')) ?? next;
    // Any Docker ID-shaped name and a non-empty password sign in: the replica has no accounts.
    if (!/^[a-z0-9]{4,30}$/.test(username) || !form.get('password')) {
      html(res, 200, loginPage({ next: formNext, error: 'Incorrect Docker ID or password.' }));
      return true;
    }
    state.config.docker.signedInAs = username;
    redirect(res, formNext ?? landingPath(layout, username));
    return true;
  });
}

function accessProblem(state: ReplicaState, namespace: string): { status: number; error: string } | null {
  if (!state.config.docker.signedInAs) return { status: 401, error: ERRORS.notAuthenticated };
  if (!namespacesOf(state).includes(namespace)) return { status: 403, error: ERRORS.forbidden };
  return null;
}

/** Session calls need the csrftoken cookie echoed in X-CSRFToken; API-key (Basic) calls don't. */
function csrfProblem(req: IncomingMessage): { status: number; error: string } | null {
  if (/^Basic /i.test(req.headers.authorization ?? '')) return null;
  const cookie = readCookies(req).csrftoken;
  const header = req.headers['x-csrftoken'];
  if (cookie && header === cookie) return null;
  return { status: 403, error: 'CSRF Failed: CSRF token missing or incorrect.' };
}

const PROVIDERS = [
  { name: 'aws', label: 'Amazon Web Services' },
  { name: 'digitalocean', label: 'DigitalOcean' },
  { name: 'azure', label: 'Microsoft Azure' },
  { name: 'softlayer', label: 'SoftLayer' },
  { name: 'packet', label: 'Packet' },
];

function providerList(state: ReplicaState, namespace: string) {
  const link = state.dockerLinks[namespace];
  return {
    meta: { limit: 25, offset: 0, total_count: PROVIDERS.length, next: null, previous: null },
    objects: PROVIDERS.map((p) => ({
      ...p,
      available: true,
      resource_uri: `/api/infra/v1/${namespace}/provider/${p.name}/`,
      credential: p.name === 'aws' && link ? credentialBody(link) : null,
    })),
  };
}

function credentialBody(link: { method: 'access-key' | 'role'; roleArn?: string }) {
  return link.method === 'role'
    ? { provider: 'aws', method: 'role', role_arn: link.roleArn ?? '' }
    : { provider: 'aws', method: 'access-key', access_key_id: 'AKIAIOSFODNN7EXAMPLE' };
}

function hold(res: ServerResponse): void {
  heldSaves.add(res);
  const timer = setTimeout(() => {
    heldSaves.delete(res);
    res.socket?.destroy();
  }, HELD_SAVE_MS);
  timer.unref();
  res.on('close', () => {
    clearTimeout(timer);
    heldSaves.delete(res);
  });
}

function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}

function readCookies(req: IncomingMessage): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return cookies;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'cache-control': 'no-store' }).end();
}

function html(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

// Keep the route helpers importable for tests that build URLs.
export { landingPath, settingsPath };
