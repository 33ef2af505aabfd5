// Drives the real Docker Cloud flow for the browser tests: a link ready to send in storage.local, the
// popup's "sendToDockerCloud" request, the background opening Docker Cloud, the content script linking.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StoredState } from '../../src/core/schemas';
import { DOCKERCLOUD_POLICY, role } from '../replica/docker/fixtures';
import type { ConfigPatch } from '../replica/state';
import { shadowText } from './closed-shadow';
import { DOCKER_CLOUD, type Harness } from './harness';
import { linkState, settings } from './popup-support';

/** The extension API inside the service worker and the popup (these tests run their functions there). */
declare const chrome: {
  storage: Record<'local' | 'session', { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void>; remove(key: string): Promise<void> }>;
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

export const arnOf = (name: string) => `arn:aws:iam::123456789012:role/${name}`;

/** A fresh replica with working roles for moby and teamawesome, and a verified link for `namespace`. */
export async function prepare(h: Harness, namespace: string, roleName: string, patch: ConfigPatch = {}): Promise<void> {
  h.server.reset(patch);
  h.server.state.policies.push(DOCKERCLOUD_POLICY);
  h.server.state.roles.push(
    role('dockercloud-role', { externalId: 'moby' }),
    role('dockercloud-role-teamawesome', { externalId: 'teamawesome' }),
  );
  const now = Date.now();
  const state = linkState({
    [namespace]: {
      settings: settings(namespace, roleName, roleName !== 'dockercloud-role'),
      done: { policyCreated: now, roleCreated: now, arnCaptured: now, roleVerified: now },
      capturedRoleArn: arnOf(roleName),
      problems: {},
    },
  });
  const sw = await h.serviceWorker();
  await sw.evaluate(async (s) => {
    await chrome.storage.session.remove('dockerTask');
    await chrome.storage.local.set({ state: s });
  }, state);
  // Start from a Docker Cloud page, so the background reuses this tab.
  await h.page.goto(`${DOCKER_CLOUD}/`);
}

/** What the user does in the popup: "Send to Docker Cloud" (or "Unlink and relink"). */
export async function sendToDockerCloud(h: Harness, namespace: string, replaceExisting = false): Promise<void> {
  const popup = await h.openPopup();
  const reply = await popup.evaluate((m) => chrome.runtime.sendMessage(m), { kind: 'sendToDockerCloud', namespace, replaceExisting });
  expect(reply).toEqual({ problems: [] });
  await popup.close();
}

export interface Recorded {
  task: { alreadyLinked: string | null } | null;
  state: StoredState;
}

/** The background's record: the task in flight (storage.session) and the stored link. */
export async function recorded(h: Harness): Promise<Recorded> {
  const sw = await h.serviceWorker();
  return sw.evaluate(async () => {
    const { dockerTask } = await chrome.storage.session.get('dockerTask');
    const { state } = await chrome.storage.local.get('state');
    return { task: (dockerTask ?? null) as Recorded['task'], state: state as StoredState };
  });
}

/** Waits until the background has an answer: the task gone, or parked on an existing link. */
export async function settled(h: Harness, timeout = 15_000): Promise<Recorded> {
  await expect.poll(async () => {
    const { task } = await recorded(h);
    return task === null || task.alreadyLinked !== null;
  }, { timeout, interval: 200 }).toBe(true);
  return recorded(h);
}

/** Docker Cloud holds moby's dockercloud-role, and the background recorded the link confirmed with nothing wrong. */
export function expectLinked(h: Harness, state: StoredState): void {
  expect(h.server.state.dockerLinks.moby).toEqual({ method: 'role', roleArn: arnOf('dockercloud-role') });
  expect(state.links.moby?.done.linkConfirmed).toBeTypeOf('number');
  expect(state.links.moby?.problems).toEqual({});
}

/** The content script's note to the user, as shown on the page (in its closed shadow root). */
export const toastText = (page: Page): Promise<string> => shadowText(page, 'data-dockercloud-aws-link-toast');
