// The user's steps on Docker Cloud as idempotent moves from wherever the page is: each pass looks at
// the page, does the one next thing and waits for the page to change. A full page load starts over here.
import type { DockerOutcome } from '../../core/schemas';
import { click, fillInput, waitFor } from './dom';
import * as page from './page';
import type { Task } from './task';

export const CONTROLS = ['namespace', 'cloudSettings', 'providers', 'awsRow', 'awsPlug', 'addAwsDialog', 'roleArnField', 'saveButton', 'unlinkConfirm'] as const;
export type Control = (typeof CONTROLS)[number];

/** Docker Cloud's answer to Save is awaited this long before reporting a timeout. */
export const SAVE_TIMEOUT_MS = 20_000;
/** The whole link, from wherever the page is, gives up after this (well inside the background's task lifetime). */
export const LINK_TIMEOUT_MS = 120_000;
const PAGE_TIMEOUT_MS = 10_000;
const DIALOG_TIMEOUT_MS = 5_000;
/** How long the app may take to draw its navigation before the account menu is tried. */
const SETTLE_MS = 1_500;
const MAX_PASSES = 8;

const notFound = (control: Control): DockerOutcome => ({ outcome: 'notFound', control });

type Place = { at: 'dialog'; dialog: HTMLElement } | { at: 'row'; row: page.ProviderRow } | { at: 'entry'; entry: HTMLElement };

function whereAmI(): Place | null {
  const dialog = page.awsDialog();
  if (dialog) return { at: 'dialog', dialog };
  const row = page.awsRow();
  if (row) return { at: 'row', row };
  if (page.providersHeading()) return null; // on Cloud settings, the providers are loading
  const entry = page.cloudSettingsEntry();
  return entry ? { at: 'entry', entry } : null;
}

/** Finds where the page is; opens the account menu (2017 layout) when no "Cloud settings" shows. */
async function locate(namespace: string, signal: AbortSignal): Promise<Place | null> {
  const place = await waitFor(whereAmI, SETTLE_MS, signal);
  if (place || signal.aborted) return place;
  const toggle = page.providersHeading() ? null : page.accountMenuToggle(namespace);
  if (toggle) {
    click(toggle);
    const inMenu = await waitFor(whereAmI, DIALOG_TIMEOUT_MS, signal);
    if (inMenu || signal.aborted) return inMenu;
  }
  return waitFor(whereAmI, PAGE_TIMEOUT_MS, signal);
}

/** Hooks the background hears of: `saving` is told (and answers) before Save is pressed. */
export interface LinkHooks {
  saving: () => Promise<unknown>;
}

export async function linkAws(task: Task, hooks: LinkHooks, signal: AbortSignal): Promise<DockerOutcome> {
  if (page.isLoginPage()) return { outcome: 'loggedOut' };
  const open = page.openNamespace();
  if (open === null) return notFound('namespace');
  if (open !== task.namespace) return { outcome: 'namespaceMismatch', openNamespace: open };

  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const place = await locate(task.namespace, signal);
    if (signal.aborted) return { outcome: 'timeout' };
    if (!place) return notFound(page.providersHeading() ? 'awsRow' : 'cloudSettings');
    if (place.at === 'dialog') return save(place.dialog, task, hooks, signal);
    if (place.at === 'entry') {
      click(place.entry);
      if (!(await waitFor(() => page.providersHeading() ?? page.awsDialog(), PAGE_TIMEOUT_MS, signal))) return notFound('providers');
      continue;
    }
    const { row } = place;
    if (!row.plug) return notFound('awsPlug');
    if (page.isLinked(row)) {
      // Our own Save, seen again after a page load (the background remembers it was pressed): linked, not something to replace.
      if (page.showsRoleArn(row, task.roleArn) && (!task.replaceExisting || task.saved)) return { outcome: 'linked' };
      if (!task.replaceExisting) return { outcome: 'alreadyLinked', method: page.linkMethod(row) };
      const unlinked = await unlink(row.plug, signal);
      if (unlinked) return unlinked;
      continue;
    }
    click(row.plug);
    if (!(await waitFor(page.awsDialog, DIALOG_TIMEOUT_MS, signal))) return notFound('addAwsDialog');
  }
  return { outcome: 'timeout' };
}

/** A click on the green plug, then "Unlink" when the app asks; null once the row shows unlinked. */
async function unlink(plug: HTMLElement, signal: AbortSignal): Promise<DockerOutcome | null> {
  click(plug);
  const confirm = await waitFor(() => page.unlinkConfirmButton() ?? (isAwsUnlinked() ? 'done' : null), DIALOG_TIMEOUT_MS, signal);
  if (!confirm) return notFound('unlinkConfirm');
  if (confirm !== 'done') click(confirm);
  return (await waitFor(isAwsUnlinked, PAGE_TIMEOUT_MS, signal)) ? null : { outcome: 'timeout' };
}

function isAwsUnlinked(): boolean {
  const row = page.awsRow();
  return !!row && !page.awsDialog() && !page.unlinkConfirmButton() && !page.isLinked(row);
}

async function save(dialog: HTMLElement, task: Task, hooks: LinkHooks, signal: AbortSignal): Promise<DockerOutcome> {
  const field = page.roleArnField(dialog);
  if (!field) return notFound('roleArnField');
  const saveButton = page.saveButton(dialog);
  if (!saveButton) return notFound('saveButton');
  if (!fillInput(field, task.roleArn)) return notFound('roleArnField');
  const before = page.textsOf(dialog);
  // Kept by the background, never in the page's own storage: a reload after this Save must not undo it.
  await hooks.saving();
  if (signal.aborted) return { outcome: 'timeout' };
  click(saveButton);
  const outcome = await waitFor((): DockerOutcome | null => {
    const open = page.awsDialog();
    if (open) {
      const errorText = page.dialogError(open, before);
      return errorText ? { outcome: 'error', errorText } : null;
    }
    const row = page.awsRow();
    return row && page.isLinked(row) ? { outcome: 'linked' } : null;
  }, SAVE_TIMEOUT_MS, signal);
  return outcome ?? { outcome: 'timeout' };
}
