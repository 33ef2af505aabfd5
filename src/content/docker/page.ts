// Docker Cloud's web app, found by structure and text: its class names are build hashes.
// Routes: /app/<namespace>/… (standard mode), /swarm/<namespace>/… (swarm mode), /login when logged out.
//   https://cloud.docker.com/app/moby/settings, https://cloud.docker.com/swarm/teamawesome/cloud-settings
import { ROLE_ARN_IN_TEXT } from '../../core/arn';
import { byText, isGreen, isVisible, only, textOf } from './dom';

const APP_ROUTE = /^\/(?:app|swarm)\/([^/?#]{1,64})/;
const CONTROLS = 'button, [role=button]';
const ROLE_ARN = new RegExp(ROLE_ARN_IN_TEXT.source);
const ACCESS_KEY = /\b(AKIA|ASIA)[A-Z0-9]{16}\b|access key/i;
const CLICKABLE = 'a, button, [role=button], [role=menuitem], [role=link]';
const DIALOGS = '[role=dialog], [role=alertdialog], dialog[open]';

/** The namespace (Docker ID or organization) open in the app, from its URL. */
export function openNamespace(url: { pathname: string } = location): string | null {
  return APP_ROUTE.exec(url.pathname)?.[1] ?? null;
}

export function isLoginPage(doc: Document = document, url: { pathname: string } = location): boolean {
  if (/^\/(login|signin|sso|accounts\/login)\b/i.test(url.pathname)) return true;
  return openNamespace(url) === null && doc.querySelector('input[type=password]') !== null;
}

/**
 * "Cloud settings": the left navigation's entry (2016), or the account menu's once it is open (2017). Several
 * links that all lead to the same page (the navigation's and one in the page text) are one candidate.
 */
export function cloudSettingsEntry(doc: Document = document): HTMLElement | null {
  const entries = byText(doc, CLICKABLE, /^cloud settings$/i);
  return only(entries) ?? sameDestination(entries);
}

/** The first of several links to one same-origin page; null if any is not such a link or they differ. */
function sameDestination(entries: HTMLElement[]): HTMLElement | null {
  const targets = new Set(entries.map((el) => (el instanceof HTMLAnchorElement && el.origin === location.origin ? el.pathname : null)));
  return entries.length > 1 && targets.size === 1 && !targets.has(null) ? (entries[0] ?? null) : null;
}

/** The account menu at the upper right: the menu button that shows the open namespace. */
export function accountMenuToggle(namespace: string, doc: Document = document): HTMLElement | null {
  const menus = [...doc.querySelectorAll<HTMLElement>('[aria-haspopup]:not([aria-haspopup=false])')].filter(isVisible);
  const named = menus.filter((el) => textOf(el).split(' ').includes(namespace));
  return only(named) ?? null;
}

/** The "Cloud Providers" (2016) or "Service providers" (2017) heading of Cloud settings. */
export const providersHeading = (doc: Document = document): HTMLElement | null =>
  only(byText(doc, 'h1, h2, h3, h4, h5, h6, [role=heading]', /^(cloud|service) providers$/i));

export interface ProviderRow {
  row: HTMLElement;
  /** The plug button: grey when not linked, green when linked. */
  plug: HTMLElement | null;
}

/** The "Amazon Web Services" row of the providers section, once the list has loaded. */
export function awsRow(doc: Document = document): ProviderRow | null {
  const heading = providersHeading(doc);
  let section = heading?.parentElement ?? null;
  const names = (el: Element) => byText(el, '*', /^amazon web services$/i);
  while (section && section !== doc.body && names(section).length === 0) section = section.parentElement;
  if (!section || section === doc.body) return null;
  const name = only(names(section));
  if (!name) return null;
  const row =
    name.closest<HTMLElement>('li, tr, [role=row], [role=listitem]') ?? rowAround(name, section);
  return row && section.contains(row) ? { row, plug: plugOf(row) } : null;
}

/** Without list markup: the largest box around the name that holds no other heading or provider row. */
function rowAround(name: HTMLElement, section: HTMLElement): HTMLElement {
  let row = name;
  for (let el = name.parentElement; el && el !== section; el = el.parentElement) {
    if (el.querySelector('h1, h2, h3, h4, h5, h6, [role=heading]') || plugsIn(el).length > 1) break;
    row = el;
  }
  return row;
}

const PLUG_ICON = '[class*=plug], [data-icon*=plug]';

/** Buttons, and plug icons that are not inside one. */
const plugsIn = (el: Element): HTMLElement[] =>
  [...el.querySelectorAll<HTMLElement>(`${CONTROLS}, ${PLUG_ICON}`)].filter((p) => isVisible(p) && !p.parentElement?.closest(CONTROLS));

/** The only button of the row, else its only plug icon; never a guess between several. */
function plugOf(row: HTMLElement): HTMLElement | null {
  const buttons = [...row.querySelectorAll<HTMLElement>(CONTROLS)].filter(isVisible);
  return buttons.length > 0 ? only(buttons) : only(plugsIn(row));
}

export function isLinked({ row, plug }: ProviderRow): boolean {
  const label = `${plug?.getAttribute('aria-label') ?? ''} ${plug?.getAttribute('title') ?? ''}`;
  if (/\b(disconnect|unlink)/i.test(label)) return true;
  const text = textOf(row);
  if (/\bnot (connected|linked)\b/i.test(text)) return false;
  if (/\b(connected|linked)\b/i.test(text) || ROLE_ARN.test(text) || ACCESS_KEY.test(text)) return true;
  const icon = plug?.querySelector('svg, i') ?? plug;
  return !!icon && [getComputedStyle(icon).color, getComputedStyle(icon).fill].some(isGreen);
}

/** How the existing link was made: the old dockercloud-user access key, or a role. */
export function linkMethod({ row }: ProviderRow): 'access-key' | 'role' | 'unknown' {
  const text = textOf(row);
  if (ROLE_ARN.test(text)) return 'role';
  return ACCESS_KEY.test(text) ? 'access-key' : 'unknown';
}

export const showsRoleArn = ({ row }: ProviderRow, roleArn: string): boolean => textOf(row).split(' ').includes(roleArn);

/** The open "Add AWS Credentials" dialog. */
export const awsDialog = (doc: Document = document): HTMLElement | null =>
  only([...doc.querySelectorAll<HTMLElement>(DIALOGS)].filter((d) => isVisible(d) && /\badd aws credentials\b/i.test(textOf(d))));

/** The "Role ARN" field: labelled so, by a label element, aria-label or a caption next to it. */
export function roleArnField(dialog: HTMLElement): HTMLInputElement | null {
  const fields = new Set<HTMLInputElement>();
  for (const label of byText<HTMLLabelElement>(dialog, 'label', /^role arn\b/i)) {
    if (label.control instanceof HTMLInputElement) fields.add(label.control);
  }
  for (const input of dialog.querySelectorAll<HTMLInputElement>('input[aria-label], input[aria-labelledby]')) {
    const ids = (input.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean);
    const name = input.getAttribute('aria-label') ?? ids.map((id) => textOf(dialog.ownerDocument.getElementById(id))).join(' ');
    if (/^role arn\b/i.test(name)) fields.add(input);
  }
  if (fields.size === 0) {
    for (const caption of byText(dialog, 'span, div, p, dt, strong', /^role arn\b/i)) {
      const input = only([...(caption.parentElement?.querySelectorAll<HTMLInputElement>('input') ?? [])]);
      if (input) fields.add(input);
    }
  }
  const [field, ...others] = [...fields].filter((f) => isVisible(f) && /^(text|url|)$/.test(f.getAttribute('type') ?? ''));
  return field && others.length === 0 ? field : null;
}

export const saveButton = (dialog: HTMLElement): HTMLElement | null =>
  only(byText(dialog, CONTROLS, /^save$/i));

/** The texts a dialog shows, so an error that appears after Save can be told from what was there. */
export function textsOf(dialog: HTMLElement): Set<string> {
  return new Set([...dialog.querySelectorAll('*')].filter(isVisible).map((el) => textOf(el)).filter(Boolean));
}

const BUSY = /^(saving|validating|verifying|loading|please wait)\b|(…|\.\.\.)$/i;

/** The error Docker Cloud shows in the dialog after Save: an alert, or new text once Save is usable again. */
export function dialogError(dialog: HTMLElement, before: Set<string>): string | null {
  const alert = [...dialog.querySelectorAll('[role=alert], [aria-live=assertive]')].find((el) => isVisible(el) && textOf(el) && !BUSY.test(textOf(el)));
  if (alert) return textOf(alert);
  const save = saveButton(dialog);
  if (!save || save.matches(':disabled, [aria-busy=true], [aria-disabled=true]')) return null;
  const fresh = [...dialog.querySelectorAll('*')].find(
    (el) => !el.closest('button, label, [role=button]') && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim())
      && isVisible(el) && !before.has(textOf(el)) && !BUSY.test(textOf(el)),
  );
  return fresh ? textOf(fresh) : null;
}

/** The confirmation that follows a click on a green plug. */
export const unlinkConfirmButton = (doc: Document = document): HTMLElement | null =>
  only([...doc.querySelectorAll<HTMLElement>(DIALOGS)].filter(isVisible).flatMap((d) => byText(d, CONTROLS, /^(unlink|disconnect)$/i)));
