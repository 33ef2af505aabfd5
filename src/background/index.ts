// The background: the single owner of state. Every message is checked (sender, then schema), reduced, stored,
// broadcast to the popup, and answered.
import browser from '../browser';
import { awsRequestSchema, dockerRequestSchema, popupRequestSchema } from '../core/schemas';
import { reduce, type Incoming, type Reply, type World } from './reducer';
import { classifySender, type Extension, type SenderRole } from './sender';
import { readWorld, writeWorld } from './storage';
import { openTab } from './tabs';

const extension: Extension = {
  id: browser.runtime.id,
  origin: browser.runtime.getURL(''),
  popupPath: new URL(browser.runtime.getURL(browser.runtime.getManifest().action?.default_popup ?? 'src/popup/index.html')).pathname,
};

/** Reads and writes one message at a time, so two messages never interleave on the stored state. */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

function parse(role: SenderRole, message: unknown): Incoming | string {
  const schema = { popup: popupRequestSchema, aws: awsRequestSchema, docker: dockerRequestSchema }[role];
  const parsed = schema.safeParse(message);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ').slice(0, 300);
  return { role, request: parsed.data } as Incoming;
}

async function handle(incoming: Incoming): Promise<Reply> {
  const before = await readWorld();
  const { world, reply, effects } = reduce(before, incoming, Date.now());
  await writeWorld(before, world);
  if (world.stored !== before.stored || world.task !== before.task) broadcast(world);
  for (const effect of effects) await openTab(effect.url, effect.reload).catch((e: unknown) => console.warn('[background] could not open', effect.url, e));
  return reply;
}

function broadcast(world: World): void {
  // No popup open is the usual case: nobody receives it.
  browser.runtime.sendMessage({ kind: 'stateChanged', state: world.stored, dockerTask: world.task }).catch(() => undefined);
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  const who = classifySender(sender, extension);
  if (!who.ok) {
    console.warn(`[background] rejected a message: ${who.reason}`);
    return Promise.resolve({ rejected: who.reason });
  }
  const incoming = parse(who.role, message);
  if (typeof incoming === 'string') {
    console.warn(`[background] rejected a malformed ${who.role} message: ${incoming}`);
    return Promise.resolve({ rejected: incoming });
  }
  return serially(() => handle(incoming));
});
