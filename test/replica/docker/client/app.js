// Docker Cloud's web app as a replica: a single-page app with soft navigation, in two generations
// ('legacy' 2016: left navigation with "Cloud settings" at the lower left; 'swarm' 2017: account
// menu at the upper right). Plain JS served as-is. Class names imitate CSS-module / styled-component
// hashes on purpose: the extension must find things by structure and text, not by class.

const boot = window.__DOCKERCLOUD_BOOTSTRAP__;
const layout = boot.layout;
const ROUTES = {
  legacy: { prefix: '/app', landing: 'dashboard/onboarding/welcome', settings: 'settings', account: 'account' },
  swarm: { prefix: '/swarm', landing: 'swarms', settings: 'cloud-settings', account: 'account-settings' },
}[layout];
const DOCS_LINK_AWS = 'https://docs.docker.com/docker-cloud/infrastructure/link-aws/';

/** Hashed-looking class names, different per generation. */
const C = {
  legacy: {
    app: 'App__app___1Hq2z', sidebar: 'Sidebar__sidebar___3ZqHe', logo: 'Sidebar__logo___2kP9r',
    menu: 'Sidebar__menu___1bH7u', bottom: 'Sidebar__bottom___3q9XW', active: 'Sidebar__active___2sLkN',
    main: 'App__main___2vRk0', topbar: 'Topbar__topbar___1x3Fo', title: 'Topbar__title___3Mv8K',
    right: 'Topbar__right___2oQzE', content: 'App__content___1T6cJ',
    um: 'UserMenu__wrapper___2Pj1d', umToggle: 'UserMenu__toggle___3rTq1', umName: 'UserMenu__namespace___1fS0a',
    umDrop: 'UserMenu__dropdown___1K2uA', umHeader: 'UserMenu__header___Qw3xZ', umItem: 'UserMenu__item___2nB4c',
    umLabel: 'UserMenu__label___3Fq0p', umCurrent: 'UserMenu__current___1sV9m', umDivider: 'UserMenu__divider___2aC1b',
    section: 'Settings__section___3n2JQ', sectionTitle: 'Settings__sectionTitle___1uYq8', help: 'Settings__help___2d8Fw',
    list: 'ProviderList__list___2Gm5E', row: 'ProviderRow__row___2Xb1q', linkedRow: 'ProviderRow__linked___1fQ0c',
    providerLogo: 'ProviderRow__logo___3xY7d', providerName: 'ProviderRow__name___1Zp2e', detail: 'ProviderRow__detail___2rQ4s',
    plug: 'ProviderRow__plug___1nC8v', plugLinked: 'ProviderRow__plugLinked___3bT5k',
  },
  swarm: {
    app: 'sc-bdVaJa kHqrWp', sidebar: 'sc-bwzfXH dWqJzA', logo: 'sc-htpNat fBmUYd',
    menu: 'sc-bxivhb cPvKxN', bottom: 'sc-ifAKCX eZFvXr', active: 'is-active',
    main: 'sc-EHOje gwmRyC', topbar: 'sc-bZQynM hFnQcT', title: 'sc-gzVnrw bGmFnL',
    right: 'sc-htoDjs kLpZwE', content: 'sc-dnqmqq jYwXsO',
    um: 'sc-iwsKbI hVvYjR', umToggle: 'sc-gZMcBi cKjYVd', umName: 'sc-gqjmRU dSuNbE',
    umDrop: 'sc-VigVT bQkYhR', umHeader: 'sc-jTzLTM iQqRkU', umItem: 'sc-fjdhpX gVpXyF',
    umLabel: 'sc-jzJRlG dKmTqC', umCurrent: 'is-current', umDivider: 'sc-cSHVUG hBnQzV',
    section: 'sc-kAzzGY dVhXbA', sectionTitle: 'sc-chPdSV fQzUvG', help: 'sc-kgoBCf bLvHmR',
    list: 'sc-kGXeez eUhKqP', row: 'sc-kpOJdX fZsJfH', linkedRow: 'is-linked',
    providerLogo: 'sc-dxgOiQ hQqLzR', providerName: 'sc-ckVGcZ jKbTtN', detail: 'sc-jKJlTe kWqPmD',
    plug: 'sc-eNQAEJ bYtPlW', plugLinked: 'is-connected',
  },
}[layout];

// ------------------------------------------------------------------ tiny DOM helpers

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function svg(markup) {
  const template = document.createElement('template');
  template.innerHTML = markup.trim();
  return template.content.firstChild;
}

const ICONS = {
  whale: '<svg class="dc-whale" viewBox="0 0 64 44" aria-hidden="true"><path fill="currentColor" d="M62.6 17.2c-1.6-1.1-5.3-1.5-8.1-1-.4-2.7-1.9-5-4.6-7.1l-1.5-1-1 1.5c-1.3 2-1.9 4.7-1.7 7.3.1.9.4 2.6 1.4 4.1-1 .5-2.9 1.2-5.4 1.2H.6l-.1.5c-.5 2.9-.5 12 5.4 19 4.5 5.3 11.2 8 20 8 19.1 0 33.2-8.8 39.8-24.8 2.6.1 8.2 0 11.1-5.5l.7-1.4-1.2-.8zM35 4h-6v6h6V4zm0 7h-6v6h6v-6zm-7 0h-6v6h6v-6zm-7 0h-6v6h6v-6zm-7 7H8v6h6v-6zm7 0h-6v6h6v-6zm7 0h-6v6h6v-6zm7 0h-6v6h6v-6zm7 0h-6v6h6v-6z" transform="scale(.95)"/></svg>',
  plug: '<svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"><path fill="currentColor" d="M16 7V3h-2v4h-4V3H8v4H7c-.55 0-1 .45-1 1v5.5L9.5 17v4h5v-4l3.5-3.5V8c0-.55-.45-1-1-1h-1z"/></svg>',
  caret: '<svg viewBox="0 0 10 6" width="10" height="6" aria-hidden="true"><path fill="currentColor" d="M0 0l5 6 5-6z"/></svg>',
  dashboard: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M3 13h8V3H3v10zm0 8h8v-6H3v6zm10 0h8V11h-8v10zm0-18v6h8V3h-8z"/></svg>',
  stack: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M12 2 2 7l10 5 10-5-10-5zm0 13L4.2 11.1 2 12.2l10 5 10-5-2.2-1.1L12 15zm0 4.5-7.8-3.9L2 16.7l10 5 10-5-2.2-1.1-7.8 3.9z"/></svg>',
  box: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M21 16.5V7.5L12 2 3 7.5v9l9 5.5 9-5.5zM12 4.3l6.6 4L12 12.3 5.4 8.3 12 4.3z"/></svg>',
  server: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M4 3h16v6H4V3zm0 8h16v6H4v-6zm0 8h16v2H4v-2zM6 5v2h2V5H6zm0 8v2h2v-2H6z"/></svg>',
  repo: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M4 4h13l3 3v13H4V4zm3 3v3h10V7H7zm0 5v2h10v-2H7zm0 4v2h7v-2H7z"/></svg>',
  gear: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.3 7.3 0 0 0-1.7-1L15 3h-4l-.3 2.9c-.6.3-1.2.6-1.7 1l-2.5-1-2 3.5L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1L11 21h4l.3-2.9c.6-.3 1.2-.6 1.7-1l2.5 1 2-3.5-2.1-1.6zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"/></svg>',
  help: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 17h-2v-2h2v2zm2.1-7.7-.9.9c-.7.7-1.2 1.3-1.2 2.8h-2v-.5c0-1.1.4-2.1 1.2-2.8l1.2-1.3c.4-.4.6-.9.6-1.4a2 2 0 0 0-4 0H8a4 4 0 0 1 8 0c0 .9-.4 1.7-.9 2.3z"/></svg>',
  bell: '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2zm6-6V11c0-3.1-1.6-5.6-4.5-6.3V4a1.5 1.5 0 0 0-3 0v.7C7.6 5.4 6 7.9 6 11v5l-2 2v1h16v-1l-2-2z"/></svg>',
};

const PROVIDER_LOGOS = {
  aws: '<svg viewBox="0 0 40 24" width="40" height="24" aria-hidden="true"><rect width="40" height="24" rx="3" fill="#232f3e"/><text x="20" y="14" font-family="Arial" font-weight="bold" font-size="10" fill="#fff" text-anchor="middle">aws</text><path d="M9 17c6 3 16 3 22 0" stroke="#ff9900" stroke-width="2" fill="none"/></svg>',
  digitalocean: '<svg viewBox="0 0 40 24" width="40" height="24" aria-hidden="true"><circle cx="20" cy="12" r="10" fill="#0080ff"/><circle cx="20" cy="12" r="5" fill="#fff"/></svg>',
  azure: '<svg viewBox="0 0 40 24" width="40" height="24" aria-hidden="true"><path d="M14 3h9l-9 18H7zM24 7l9 14H17z" fill="#0089d6"/></svg>',
  softlayer: '<svg viewBox="0 0 40 24" width="40" height="24" aria-hidden="true"><rect x="8" y="4" width="24" height="4" fill="#e1392c"/><rect x="8" y="10" width="24" height="4" fill="#e1392c"/><rect x="8" y="16" width="24" height="4" fill="#e1392c"/></svg>',
  packet: '<svg viewBox="0 0 40 24" width="40" height="24" aria-hidden="true"><rect x="12" y="2" width="16" height="20" rx="2" fill="#1a1a1a"/><rect x="16" y="6" width="8" height="8" fill="#fff"/></svg>',
  github: '<svg viewBox="0 0 40 24" width="40" height="24" aria-hidden="true"><circle cx="20" cy="12" r="10" fill="#24292e"/><circle cx="20" cy="11" r="4" fill="#fff"/></svg>',
  bitbucket: '<svg viewBox="0 0 40 24" width="40" height="24" aria-hidden="true"><path d="M10 3h20l-3 18H13z" fill="#205081"/></svg>',
};

/** A Gravatar-like avatar: the namespace's initial on a colour derived from its name. */
function avatar(name, size = 28) {
  const colors = ['#1488c6', '#7ac143', '#f5a623', '#9b59b6', '#e74c3c', '#16a085'];
  const color = colors[[...name].reduce((sum, c) => sum + c.charCodeAt(0), 0) % colors.length];
  const markup = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="100%" height="100%" fill="${color}"/><text x="50%" y="66%" font-family="Arial" font-size="${size * 0.5}" fill="#fff" text-anchor="middle">${name[0].toUpperCase()}</text></svg>`;
  return h('img', { class: 'dc-avatar', width: size, height: size, alt: '', src: `data:image/svg+xml,${encodeURIComponent(markup)}` });
}

function cookie(name) {
  const found = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : '';
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      ...(body ? { 'Content-Type': 'application/json' } : {}),
      ...(method === 'GET' ? {} : { 'X-CSRFToken': cookie('csrftoken') }),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new Error((data && data.error) || `Request failed (${response.status})`);
  return data;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A React-controlled text input: the component's value changes only through input/change events
 * whose DOM value differs from the last value React saw, exactly like React's value tracker.
 */
function controlledInput(attrs, onValue) {
  const input = h('input', attrs);
  const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
  let tracked = '';
  Object.defineProperty(input, 'value', {
    configurable: true,
    get() { return native.get.call(this); },
    set(value) { tracked = String(value); native.set.call(this, value); },
  });
  const onEvent = () => {
    const value = native.get.call(input);
    if (value === tracked) return;
    tracked = value;
    onValue(value);
  };
  input.addEventListener('input', onEvent);
  input.addEventListener('change', onEvent);
  return input;
}

// ------------------------------------------------------------------ routing

const namespaces = [boot.user, ...boot.organizations];

function currentRoute() {
  const [, , namespace = '', ...rest] = location.pathname.split('/');
  return { namespace, rest: rest.join('/').replace(/\/+$/, '') };
}

function path(namespace, rest) {
  return `${ROUTES.prefix}/${namespace}/${rest}`;
}

function navigate(to) {
  history.pushState({}, '', to);
  renderRoute();
}

window.addEventListener('popstate', renderRoute);
document.addEventListener('click', (event) => {
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const href = anchor.getAttribute('href');
  if (anchor.target || !href.startsWith(`${ROUTES.prefix}/`)) return;
  event.preventDefault();
  closeMenu();
  navigate(href);
});

// ------------------------------------------------------------------ chrome

const LEGACY_NAV = [
  ['Dashboard', 'dashboard/onboarding/welcome', 'dashboard'],
  ['Stacks', 'stack', 'stack'],
  ['Services', 'service', 'box'],
  ['Containers', 'container', 'box'],
  ['Node Clusters', 'nodecluster', 'server'],
  ['Nodes', 'node', 'server'],
  ['Repositories', 'repository/list', 'repo'],
];
const SWARM_NAV = [
  ['Swarms', 'swarms', 'server'],
  ['Repositories', 'repository/list', 'repo'],
];

let menu = null;

function closeMenu() {
  if (!menu) return;
  menu.dropdown.hidden = true;
  menu.toggle.setAttribute('aria-expanded', 'false');
}

document.addEventListener('mousedown', (event) => {
  if (menu && !menu.wrapper.contains(event.target)) closeMenu();
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') closeMenu();
});

function userMenu(namespace) {
  const item = (label, href, extra = {}) =>
    h('a', { class: C.umItem, role: 'menuitem', href, tabindex: '-1', ...extra }, label);
  const switchItems = namespaces.map((ns) =>
    h('a', {
      class: `${C.umItem}${ns === namespace ? ` ${C.umCurrent}` : ''}`,
      role: 'menuitem',
      href: path(ns, ROUTES.landing),
      tabindex: '-1',
      'aria-current': ns === namespace ? 'true' : null,
    }, avatar(ns, 20), h('span', {}, ns), h('small', {}, ns === boot.user ? 'Personal' : 'Organization')),
  );
  const dropdown = h('div', { class: C.umDrop, role: 'menu', hidden: true },
    h('div', { class: C.umHeader }, 'Signed in as ', h('strong', {}, boot.user)),
    h('div', { class: C.umLabel }, layout === 'legacy' ? 'Switch namespace' : 'Switch to'),
    switchItems,
    h('div', { class: C.umDivider, role: 'separator' }),
    layout === 'swarm' ? item('Cloud settings', path(namespace, ROUTES.settings)) : null,
    item('Account settings', path(namespace, ROUTES.account)),
    h('div', { class: C.umDivider, role: 'separator' }),
    item('Log out', '/logout'),
  );
  const toggle = h('button', {
    type: 'button', class: C.umToggle, 'aria-haspopup': 'true', 'aria-expanded': 'false',
    onClick: () => {
      const open = dropdown.hidden;
      dropdown.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    },
  }, avatar(namespace), h('span', { class: C.umName }, namespace), svg(ICONS.caret));
  const wrapper = h('div', { class: C.um }, toggle, dropdown);
  menu = { wrapper, toggle, dropdown };
  return wrapper;
}

function navLink([label, rest, icon], namespace, activeRest) {
  const active = activeRest === rest || activeRest.startsWith(`${rest}/`);
  return h('li', {}, h('a', { href: path(namespace, rest), class: active ? C.active : null }, svg(ICONS[icon]), h('span', {}, label)));
}

function chrome(namespace, rest, title, content) {
  if (layout === 'legacy') {
    return h('div', { class: C.app },
      h('nav', { class: C.sidebar },
        h('a', { class: C.logo, href: path(namespace, ROUTES.landing) }, svg(ICONS.whale), h('span', {}, 'docker cloud')),
        h('ul', { class: C.menu }, LEGACY_NAV.map((entry) => navLink(entry, namespace, rest))),
        h('ul', { class: C.bottom },
          navLink(['Cloud settings', ROUTES.settings, 'gear'], namespace, rest),
          h('li', {}, h('a', { href: 'https://docs.docker.com/docker-cloud/', target: '_blank', rel: 'noopener' }, svg(ICONS.help), h('span', {}, 'Help'))),
        ),
      ),
      h('div', { class: C.main },
        h('header', { class: C.topbar },
          h('h1', { class: C.title }, title),
          h('div', { class: C.right }, h('span', { class: 'dc-bell' }, svg(ICONS.bell)), userMenu(namespace)),
        ),
        h('main', { class: C.content }, content),
      ),
    );
  }
  return h('div', { class: C.app },
    h('header', { class: C.topbar },
      h('a', { class: C.logo, href: path(namespace, ROUTES.landing) }, svg(ICONS.whale), h('span', {}, 'docker cloud')),
      h('span', { class: 'dc-mode' }, 'Swarm mode', h('span', { class: 'dc-mode__switch' })),
      h('div', { class: C.right },
        h('a', { class: 'dc-toplink', href: 'https://docs.docker.com/docker-cloud/cloud-swarm/', target: '_blank', rel: 'noopener' }, 'Docs'),
        userMenu(namespace),
      ),
    ),
    h('div', { class: C.main },
      h('nav', { class: C.sidebar }, h('ul', { class: C.menu }, SWARM_NAV.map((entry) => navLink(entry, namespace, rest)))),
      h('main', { class: C.content }, h('h1', { class: C.title }, title), content),
    ),
  );
}

// ------------------------------------------------------------------ pages

let routeToken = 0;

function renderRoute() {
  const token = ++routeToken;
  closeModal();
  const { namespace, rest } = currentRoute();
  if (!namespaces.includes(namespace) || !rest) {
    location.reload(); // The server answers unknown namespaces and bare namespace URLs.
    return;
  }
  let title;
  let content;
  if (rest === ROUTES.landing || rest === 'dashboard') {
    [title, content] = layout === 'legacy' ? ['Dashboard', welcomePage(namespace)] : ['Swarms', swarmsPage(namespace)];
  } else if (rest === ROUTES.settings) {
    [title, content] = ['Cloud settings', settingsPage(namespace, token)];
  } else if (rest === ROUTES.account) {
    [title, content] = ['Account settings', accountPage(namespace)];
  } else {
    const entry = [...LEGACY_NAV, ...SWARM_NAV].find(([, r]) => rest === r || rest.startsWith(`${r}/`));
    [title, content] = entry ? [entry[0], emptyPage(entry[0], namespace)] : ['Page not found', emptyPage(null, namespace)];
  }
  document.title = `${title} | Docker Cloud`;
  const app = document.getElementById('app');
  app.replaceChildren(chrome(namespace, rest, title, content));
}

function welcomePage(namespace) {
  const step = (n, heading, text) =>
    h('li', { class: 'dc-step' }, h('span', { class: 'dc-step__n' }, String(n)), h('div', {}, h('h3', {}, heading), h('p', {}, text)));
  return h('div', { class: 'dc-card dc-welcome' },
    h('h2', {}, 'Welcome to Docker Cloud'),
    h('p', { class: 'dc-muted' }, `Let's get ${namespace} up and running. Follow these steps to deploy your first application.`),
    h('ol', { class: 'dc-steps' },
      step(1, 'Link to a hosted cloud service provider', 'Docker Cloud provisions nodes on your own cloud provider account.'),
      step(2, 'Deploy a node', 'Launch a node cluster to run your containers on.'),
      step(3, 'Create a service', 'Run an image from Docker Hub or your own repository.'),
      step(4, 'Create a stack', 'Describe several services in a stack file.'),
    ),
  );
}

function swarmsPage(namespace) {
  return h('div', { class: 'dc-card dc-empty' },
    svg(ICONS.whale),
    h('h2', {}, 'No swarms yet'),
    h('p', { class: 'dc-muted' }, `Create a swarm for ${namespace} on a linked service provider, or bring your own swarm.`),
    h('div', {}, h('button', { type: 'button', class: 'dc-btn dc-btn--primary' }, 'Create'), ' ', h('button', { type: 'button', class: 'dc-btn' }, 'Bring your own swarm')),
  );
}

function emptyPage(what, namespace) {
  return h('div', { class: 'dc-card dc-empty' },
    h('h2', {}, what ? `There are no ${what.toLowerCase()} in ${namespace} yet` : 'Page not found'),
    h('p', { class: 'dc-muted' }, what ? 'They will show here once created.' : "Sorry, we couldn't find that page."),
  );
}

function accountPage(namespace) {
  const org = namespace !== boot.user;
  return h('div', { class: 'dc-card' },
    h('h2', {}, org ? 'Organization' : 'Account'),
    h('dl', { class: 'dc-dl' },
      h('dt', {}, org ? 'Organization name' : 'Docker ID'), h('dd', {}, namespace),
      h('dt', {}, 'Email'), h('dd', {}, `${namespace}@example.com`),
    ),
  );
}

// ------------------------------------------------------------------ Cloud settings

const SOURCE_PROVIDERS = [
  { name: 'github', label: 'GitHub' },
  { name: 'bitbucket', label: 'Bitbucket' },
];

function settingsPage(namespace, token) {
  const cloudTitle = layout === 'legacy' ? 'Cloud Providers' : 'Service providers';
  const cloudList = h('ul', { class: C.list }, h('li', { class: 'dc-loading' }, h('span', { class: 'dc-spinner' }), ' Loading…'));
  const sections = [
    section('Source providers', 'Link your source code repositories to build images automatically.',
      h('ul', { class: C.list }, SOURCE_PROVIDERS.map((p) => providerRow(namespace, p, null)))),
    section(cloudTitle,
      layout === 'legacy'
        ? 'Link your Docker Cloud account to a cloud service provider so Docker Cloud can deploy nodes for you.'
        : 'Link a service provider to create swarms on it.',
      cloudList),
    section('API keys', 'Use API keys to access Docker Cloud from the command line or the API.',
      h('p', { class: 'dc-muted' }, 'You have no API keys.'),
      h('button', { type: 'button', class: 'dc-btn' }, 'Add API key')),
  ];
  loadProviders(namespace, token, cloudList);
  return h('div', { class: 'dc-settings' }, sections);
}

function section(title, help, ...body) {
  return h('section', { class: `${C.section} dc-card` },
    h(layout === 'legacy' ? 'h3' : 'h2', { class: C.sectionTitle }, title),
    h('p', { class: C.help }, help),
    body,
  );
}

async function loadProviders(namespace, token, list) {
  let providers;
  try {
    await sleep(250);
    providers = (await api('GET', `/api/infra/v1/${namespace}/provider/`)).objects;
  } catch (error) {
    if (token !== routeToken) return;
    list.replaceChildren(h('li', { class: 'dc-alert dc-alert--danger', role: 'alert' }, error.message));
    return;
  }
  if (token !== routeToken) return;
  list.replaceChildren(...providers.map((p) => providerRow(namespace, p, p.credential)));
}

function providerRow(namespace, provider, credential) {
  const linked = !!credential;
  let detail = null;
  if (credential && credential.method === 'role') {
    detail = layout === 'legacy'
      ? ['Role ARN: ', h('code', {}, credential.role_arn)]
      : [h('span', { class: 'dc-connected' }, 'Connected'), ' ', h('code', {}, credential.role_arn)];
  } else if (credential) {
    detail = layout === 'legacy'
      ? ['Access Key ID: ', h('code', {}, credential.access_key_id)]
      : [h('span', { class: 'dc-connected' }, 'Connected'), ' ', h('code', {}, credential.access_key_id)];
  }
  const label = linked ? 'Disconnect provider' : 'Connect provider';
  const plug = h('button', {
    type: 'button',
    class: `${C.plug} dc-plug${linked ? ` ${C.plugLinked} dc-plug--linked` : ''}`,
    // Only the 2016 app labelled its icon buttons.
    title: layout === 'legacy' ? label : null,
    'aria-label': layout === 'legacy' ? label : null,
    onClick: () => {
      if (linked) openUnlink(namespace, provider);
      else if (provider.name === 'aws') openAwsDialog(namespace);
      else openOAuthDialog(provider);
    },
  }, svg(ICONS.plug));
  return h('li', { class: `${C.row}${linked ? ` ${C.linkedRow}` : ''}` },
    h('span', { class: C.providerLogo }, svg(PROVIDER_LOGOS[provider.name])),
    h('span', { class: C.providerName }, provider.label),
    h('span', { class: C.detail }, detail),
    plug,
  );
}

function refreshSettings() {
  const { namespace, rest } = currentRoute();
  if (rest === ROUTES.settings) renderRoute();
  return namespace;
}

// ------------------------------------------------------------------ dialogs

let modal = null;

function closeModal() {
  if (modal) modal.remove();
  modal = null;
}

function dialog(title, body, footer, { onClose } = {}) {
  closeModal();
  const id = `dc-modal-title-${Math.random().toString(36).slice(2, 8)}`;
  const close = h('button', { type: 'button', class: 'dc-modal__close', 'aria-label': 'Close', onClick: () => (onClose ?? closeModal)() }, '×');
  modal = h('div', { class: 'dc-modal-backdrop' },
    h('div', { class: 'dc-modal', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': id },
      h('div', { class: 'dc-modal__header' }, h('h4', { id }, title), close),
      body,
      h('div', { class: 'dc-modal__footer' }, footer),
    ),
  );
  document.body.append(modal);
  return modal;
}

function openAwsDialog(namespace) {
  let roleArn = '';
  let saving = false;
  const alert = h('div', { class: 'dc-alert dc-alert--danger', role: 'alert', hidden: true });
  const input = controlledInput({
    id: 'aws-role-arn', name: 'role_arn', type: 'text', class: 'dc-input', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'arn:aws:iam::123456789012:role/dockercloud-role',
  }, (value) => (roleArn = value));
  const field = layout === 'legacy'
    ? h('div', { class: 'dc-field' }, h('label', { for: 'aws-role-arn' }, 'Role ARN'), input)
    : h('div', { class: 'dc-field' }, h('label', {}, h('span', { class: 'dc-field__label' }, 'Role ARN'), input));
  const cancel = h('button', { type: 'button', class: 'dc-btn', onClick: () => !saving && closeModal() }, 'Cancel');
  const save = h('button', { type: 'submit', class: 'dc-btn dc-btn--primary', form: 'aws-credentials-form' }, 'Save');
  const form = h('form', {
    id: 'aws-credentials-form', class: 'dc-modal__body', novalidate: true,
    onSubmit: async (event) => {
      event.preventDefault();
      if (saving) return;
      setSaving(true);
      try {
        await api('POST', `/api/infra/v1/${namespace}/provider/aws/credential/`, { role_arn: roleArn });
      } catch (error) {
        setSaving(false);
        alert.textContent = error instanceof TypeError ? 'Could not reach Docker Cloud. Please try again.' : error.message;
        alert.hidden = false;
        return;
      }
      closeModal();
      toast('Amazon Web Services has been linked.');
      refreshSettings();
    },
  },
    alert,
    h('p', { class: 'dc-muted' },
      'Docker Cloud uses an AWS IAM role to provision EC2 instances on your behalf. Enter the ARN of the role you created for ',
      h('strong', {}, namespace), '. ',
      h('a', { href: DOCS_LINK_AWS, target: '_blank', rel: 'noopener' }, 'Learn how to create the role'), '.'),
    field,
  );
  function setSaving(value) {
    saving = value;
    save.disabled = value;
    cancel.disabled = value;
    input.readOnly = value;
    save.setAttribute('aria-busy', String(value));
    save.replaceChildren(...(value ? [h('span', { class: 'dc-spinner dc-spinner--small' }), ' Save'] : ['Save']));
  }
  dialog('Add AWS Credentials', form, [cancel, save], { onClose: () => !saving && closeModal() });
  input.focus();
}

function openUnlink(namespace, provider) {
  let busy = false;
  const alert = h('div', { class: 'dc-alert dc-alert--danger', role: 'alert', hidden: true });
  const confirm = h('button', {
    type: 'button', class: 'dc-btn dc-btn--danger',
    onClick: async () => {
      if (busy) return;
      busy = true;
      confirm.disabled = true;
      try {
        await api('DELETE', `/api/infra/v1/${namespace}/provider/${provider.name}/credential/`);
      } catch (error) {
        busy = false;
        confirm.disabled = false;
        alert.textContent = error.message;
        alert.hidden = false;
        return;
      }
      closeModal();
      toast(`${provider.label} has been unlinked.`);
      refreshSettings();
    },
  }, 'Unlink');
  dialog(`Unlink ${provider.label}?`,
    h('div', { class: 'dc-modal__body' }, alert,
      h('p', {}, `Docker Cloud will no longer be able to deploy or manage nodes in this ${provider.label} account for ${namespace}. Nodes already running are not affected.`)),
    [h('button', { type: 'button', class: 'dc-btn', onClick: closeModal }, 'Cancel'), confirm]);
}

function openOAuthDialog(provider) {
  dialog(`Link ${provider.label}`,
    h('div', { class: 'dc-modal__body' }, h('p', {}, `You will be redirected to ${provider.label} to authorize Docker Cloud.`)),
    [h('button', { type: 'button', class: 'dc-btn', onClick: closeModal }, 'Cancel'),
      h('button', { type: 'button', class: 'dc-btn dc-btn--primary', onClick: closeModal }, 'Continue')]);
}

function toast(text) {
  const el = h('div', { class: 'dc-toast', role: 'status' }, text);
  document.body.append(el);
  setTimeout(() => el.remove(), 4000);
}

renderRoute();
