// @vitest-environment happy-dom
// Docker Cloud's locators against DOM fixtures of both generations and of plausible look-alikes:
// each finds its control by text and structure, and finds nothing rather than guess.
import { beforeEach, describe, expect, it } from 'vitest';
import * as page from '../../src/content/docker/page';
import { isGreen } from '../../src/content/docker/dom';

const ARN = 'arn:aws:iam::123456789012:role/dockercloud-role';
const PLUG = '<svg viewBox="0 0 24 24"><path d="M16 7V3h-2v4h-4V3H8v4"/></svg>';

function mount(html: string): void {
  document.body.innerHTML = html;
}

const providers = (heading: string, rows: string) =>
  `<section><h3>Source providers</h3><ul><li><span>GitHub</span><button>${PLUG}</button></li></ul></section>
   <section><h2 class="sc-chPdSV">${heading}</h2><p>Link a provider.</p><ul>${rows}
   <li><span>DigitalOcean</span><span></span><button>${PLUG}</button></li></ul></section>`;

beforeEach(() => mount(''));

describe('routes', () => {
  it.each([
    ['/app/moby/settings', 'moby'],
    ['/swarm/teamawesome/cloud-settings', 'teamawesome'],
    ['/app/moby', 'moby'],
    ['/login', null],
    ['/', null],
    ['/apps/moby/settings', null],
  ])('reads the namespace of %s', (pathname, namespace) => {
    expect(page.openNamespace({ pathname })).toBe(namespace);
  });

  it('knows the login page by its path, or a password field outside the app', () => {
    expect(page.isLoginPage(document, { pathname: '/login' })).toBe(true);
    mount('<form><input name="username"><input type="password"></form>');
    expect(page.isLoginPage(document, { pathname: '/' })).toBe(true);
    expect(page.isLoginPage(document, { pathname: '/app/moby/account' })).toBe(false);
  });
});

describe('Cloud settings entry', () => {
  it('finds the left navigation link (2016) and a menu item only while the menu is open (2017)', () => {
    mount('<nav><ul><li><a href="/app/moby/settings"><svg></svg><span>Cloud settings</span></a></li></ul></nav>');
    expect(page.cloudSettingsEntry()?.getAttribute('href')).toBe('/app/moby/settings');
    mount(`<header><button aria-haspopup="true" aria-expanded="false"><img alt=""><span>moby</span></button>
      <div role="menu" hidden><a role="menuitem" href="/swarm/moby/cloud-settings">Cloud settings</a></div></header>`);
    expect(page.cloudSettingsEntry()).toBeNull();
    expect(page.accountMenuToggle('moby')?.tagName).toBe('BUTTON');
    expect(page.accountMenuToggle('teamawesome')).toBeNull();
    document.querySelector('[role=menu]')!.removeAttribute('hidden');
    expect(page.cloudSettingsEntry()?.getAttribute('href')).toBe('/swarm/moby/cloud-settings');
  });

  it('does not choose between two different "Cloud settings" controls', () => {
    mount('<a href="/a">Cloud settings</a><button>Cloud settings</button>');
    expect(page.cloudSettingsEntry()).toBeNull();
  });

  it('takes two links to the same page (the navigation\'s and one in the page text) as one', () => {
    mount(`<nav><a href="/app/moby/settings">Cloud settings</a></nav>
      <main><p>Link a provider in <a href="https://cloud.docker.com/app/moby/settings">Cloud settings</a>.</p></main>`);
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://cloud.docker.com/app/moby/dashboard');
    expect(page.cloudSettingsEntry()?.closest('nav')).not.toBeNull();
    mount('<a href="/app/moby/settings">Cloud settings</a><a href="/app/moby/account">Cloud settings</a>');
    expect(page.cloudSettingsEntry()).toBeNull();
    mount('<a href="/app/moby/settings">Cloud settings</a><a href="https://evil.example/app/moby/settings">Cloud settings</a>');
    expect(page.cloudSettingsEntry()).toBeNull();
  });
});

describe('the Amazon Web Services row', () => {
  it('finds the unlabelled plug, the only button of the row (2017)', () => {
    mount(providers('Service providers', `<li><span>${PLUG}</span><span>Amazon Web Services</span><span></span><button type="button">${PLUG}</button></li>`));
    const row = page.awsRow();
    expect(row?.row.textContent).toContain('Amazon Web Services');
    expect(row?.plug?.tagName).toBe('BUTTON');
    expect(page.isLinked(row!)).toBe(false);
  });

  it('waits for the list: nothing before the rows are loaded, nothing outside the providers section', () => {
    mount('<section><h3>Cloud Providers</h3><ul><li>Loading…</li></ul></section>');
    expect(page.awsRow()).toBeNull();
    mount('<p>Amazon Web Services</p><button>Go</button>');
    expect(page.awsRow()).toBeNull();
  });

  it('finds a row made of boxes, and a plug icon that is not a button', () => {
    mount(`<section><h3>Cloud Providers</h3><div>
      <div><div><strong>Amazon Web Services</strong></div><div><i class="icon icon-plug" title="Link"></i></div></div>
      <div><div><strong>Packet</strong></div><div><i class="icon icon-plug"></i></div></div></div></section>`);
    const row = page.awsRow();
    expect(row?.plug?.tagName).toBe('I');
    expect(row?.row.textContent).not.toContain('Packet');
  });

  it('finds no plug when the row has two buttons', () => {
    mount(providers('Cloud Providers', `<li><span>Amazon Web Services</span><button>Edit</button><button>${PLUG}</button></li>`));
    expect(page.awsRow()?.plug).toBeNull();
  });

  it.each([
    ['legacy, role', `<span>Role ARN: <code>${ARN}</code></span><button aria-label="Disconnect provider">${PLUG}</button>`, 'role'],
    ['legacy, access key', '<span>Access Key ID: <code>AKIAIOSFODNN7EXAMPLE</code></span><button title="Disconnect provider">x</button>', 'access-key'],
    ['swarm, role', `<span><span>Connected</span> <code>${ARN}</code></span><button>${PLUG}</button>`, 'role'],
    ['green plug only', `<span></span><button style="color: rgb(92, 184, 92)">${PLUG}</button>`, 'unknown'],
  ] as const)('knows a linked row (%s) and how it was linked', (_, cells, method) => {
    mount(providers('Cloud Providers', `<li><span>Amazon Web Services</span>${cells}</li>`));
    const row = page.awsRow()!;
    expect(page.isLinked(row)).toBe(true);
    expect(page.linkMethod(row)).toBe(method);
    expect(page.showsRoleArn(row, ARN)).toBe(method === 'role');
  });

  it('reads "Not connected" and a grey plug as not linked', () => {
    mount(providers('Cloud Providers', `<li><span>Amazon Web Services</span><span>Not connected</span><button style="color: rgb(179, 191, 199)">${PLUG}</button></li>`));
    expect(page.isLinked(page.awsRow()!)).toBe(false);
  });

  it('tells green from grey and blue', () => {
    expect(['rgb(92, 184, 92)', 'rgb(46, 204, 113)', 'rgba(122, 193, 67, 1)'].map(isGreen)).toEqual([true, true, true]);
    expect(['rgb(179, 191, 199)', 'rgb(20, 136, 198)', 'rgb(255, 255, 255)', ''].map(isGreen)).toEqual([false, false, false, false]);
  });
});

describe('the "Add AWS Credentials" dialog', () => {
  const dialog = (field: string, extra = '') =>
    `<div role="dialog" aria-modal="true"><h4>Add AWS Credentials</h4><form>
       <div role="alert" hidden></div><p>Enter the ARN of the role.</p>${field}${extra}</form>
       <div><button type="button">Cancel</button><button type="submit">Save</button></div></div>`;

  it.each([
    ['label for', '<label for="f">Role ARN</label><input id="f" type="text">'],
    ['nested label', '<label><span>Role ARN</span><input></label>'],
    ['aria-label', '<input aria-label="Role ARN">'],
    ['caption beside it', '<div><div>Role ARN</div><input type="text"></div>'],
  ])('finds the Role ARN field by its %s', (_, field) => {
    mount(dialog(field));
    const d = page.awsDialog()!;
    expect(page.roleArnField(d)?.tagName).toBe('INPUT');
    expect(page.saveButton(d)?.textContent).toBe('Save');
  });

  it('finds no Role ARN field in the old access-key form, or when two claim the name', () => {
    mount(dialog('<label for="a">Access Key ID</label><input id="a"><label for="s">Secret Access Key</label><input id="s" type="password">'));
    expect(page.roleArnField(page.awsDialog()!)).toBeNull();
    mount(dialog('<label for="a">Role ARN</label><input id="a"><input aria-label="Role ARN (again)">'));
    expect(page.roleArnField(page.awsDialog()!)).toBeNull();
  });

  it('ignores other dialogs', () => {
    mount('<div role="dialog"><h4>Link GitHub</h4><button>Save</button></div>');
    expect(page.awsDialog()).toBeNull();
  });

  it('reads the error from an alert, or as new text once Save can be pressed again', () => {
    mount(dialog('<label for="f">Role ARN</label><input id="f">'));
    const d = page.awsDialog()!;
    const before = page.textsOf(d);
    expect(page.dialogError(d, before)).toBeNull();
    const save = page.saveButton(d) as HTMLButtonElement;
    save.disabled = true;
    d.querySelector('form')!.insertAdjacentHTML('afterbegin', '<div>Validating…</div><div>Invalid AWS role or insufficient permissions</div>');
    expect(page.dialogError(d, before)).toBeNull(); // still saving
    save.disabled = false;
    expect(page.dialogError(d, before)).toBe('Invalid AWS role or insufficient permissions');

    mount(dialog('<label for="f">Role ARN</label><input id="f">'));
    const alert = document.querySelector<HTMLElement>('[role=alert]')!;
    alert.textContent = 'Invalid AWS credentials or insufficient EC2 permissions';
    alert.hidden = false;
    expect(page.dialogError(page.awsDialog()!, new Set())).toBe('Invalid AWS credentials or insufficient EC2 permissions');
  });

  it('finds the "Unlink" confirmation', () => {
    mount('<div role="dialog"><h4>Unlink Amazon Web Services?</h4><button>Cancel</button><button>Unlink</button></div>');
    expect(page.unlinkConfirmButton()?.textContent).toBe('Unlink');
  });
});
