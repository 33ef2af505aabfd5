// Server-rendered HTML for Docker Cloud's replica: the app shell the client script renders into,
// the login page and the not-found page. Routes per layout live here, next to the shell.
import type { DockerLayout } from '../state';

/** Where each generation lands and keeps its Cloud settings (the real URLs are unknown). */
export const ROUTES = {
  legacy: { prefix: '/app', landing: 'dashboard/onboarding/welcome', settings: 'settings' },
  swarm: { prefix: '/swarm', landing: 'swarms', settings: 'cloud-settings' },
} as const;

export function landingPath(layout: DockerLayout, namespace: string): string {
  return `${ROUTES[layout].prefix}/${namespace}/${ROUTES[layout].landing}`;
}

export function settingsPath(layout: DockerLayout, namespace: string): string {
  return `${ROUTES[layout].prefix}/${namespace}/${ROUTES[layout].settings}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function document(title: string, bodyClass: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/static/dockercloud/app.css">
${head}
</head>
<body class="${bodyClass}">
${body}
</body>
</html>
`;
}

export function appShell(boot: { layout: DockerLayout; user: string; organizations: string[] }): string {
  const json = JSON.stringify(boot).replace(/</g, '\\u003c');
  return document(
    'Docker Cloud',
    `dc-body dc-body--${boot.layout}`,
    `<div id="app"><div class="dc-boot"><span class="dc-spinner dc-spinner--large"></span></div></div>
<script>window.__DOCKERCLOUD_BOOTSTRAP__ = ${json};</script>
<script type="module" src="/static/dockercloud/app.js"></script>`,
  );
}

const WHALE = `<svg class="dc-whale" viewBox="0 0 64 44" aria-hidden="true"><path fill="currentColor" d="M62.6 17.2c-1.6-1.1-5.3-1.5-8.1-1-.4-2.7-1.9-5-4.6-7.1l-1.5-1-1 1.5c-1.3 2-1.9 4.7-1.7 7.3.1.9.4 2.6 1.4 4.1-1 .5-2.9 1.2-5.4 1.2H.6l-.1.5c-.5 2.9-.5 12 5.4 19 4.5 5.3 11.2 8 20 8 19.1 0 33.2-8.8 39.8-24.8 2.6.1 8.2 0 11.1-5.5l.7-1.4-1.2-.8zM35 4h-6v6h6V4zm0 7h-6v6h6v-6zm-7 0h-6v6h6v-6zm-7 0h-6v6h6v-6zm-7 7H8v6h6v-6zm7 0h-6v6h6v-6zm7 0h-6v6h6v-6zm7 0h-6v6h6v-6zm7 0h-6v6h6v-6z" transform="scale(.95)"/></svg>`;

export function loginPage(opts: { next: string | null; error: string | null }): string {
  return document(
    'Log in to Docker Cloud',
    'dc-body dc-body--login',
    `<div class="dc-login">
  <div class="dc-login__brand">${WHALE}<span>docker cloud</span></div>
  <form class="dc-login__card" method="post" action="/login">
    <h1>Log in to Docker Cloud</h1>
    ${opts.error ? `<div class="dc-alert dc-alert--danger" role="alert">${escapeHtml(opts.error)}</div>` : ''}
    <input type="hidden" name="next" value="${escapeHtml(opts.next ?? '')}">
    <label for="login-username">Docker ID</label>
    <input id="login-username" name="username" type="text" autocomplete="username" autofocus>
    <label for="login-password">Password</label>
    <input id="login-password" name="password" type="password" autocomplete="current-password">
    <button type="submit" class="dc-btn dc-btn--primary dc-btn--block">Log in</button>
    <p class="dc-login__links"><a href="/reset-password">Forgot password?</a> · <a href="/signup">Create a Docker ID</a></p>
  </form>
</div>`,
  );
}

export function notFoundPage(layout: DockerLayout): string {
  return document(
    'Page not found | Docker Cloud',
    `dc-body dc-body--${layout}`,
    `<div class="dc-login"><div class="dc-login__brand">${WHALE}<span>docker cloud</span></div>
<div class="dc-login__card"><h1>Page not found</h1><p>Sorry, we couldn't find the page you were looking for.</p><p><a href="/">Go to Docker Cloud</a></p></div></div>`,
  );
}
