// The background: the single owner of state. Every message is checked (sender, then schema), reduced, stored,
// broadcast to the popup, and answered.
import browser from '../browser';
import { followProgressOnBadge } from './badge';
import { awsRequestSchema, dockerRequestSchema, popupRequestSchema } from '../core/schemas';
import { bind, engineWanted, reduce, viewOf, type Incoming, type Reply, type World } from './reducer';
import { classifySender, type Extension, type SenderRole } from './sender';
import { readWorld, restrictStorage, writeWorld } from './storage';
import { openTab } from './tabs';
import { WELCOME_PATH, openWelcomeOnInstall } from './welcome';
import { ENGINE_FILE, handOver } from './engine';
import { registerEngine } from './register-engine';

const extension: Extension = {
  id: browser.runtime.id,
  origin: browser.runtime.getURL(''),
  popupPath: new URL(browser.runtime.getURL(browser.runtime.getManifest().action?.default_popup ?? 'src/popup/index.html')).pathname,
  welcomePath: new URL(browser.runtime.getURL(WELCOME_PATH)).pathname,
};

const storageRestricted = restrictStorage();

/** Reads and writes one message at a time, so two messages never interleave on the stored state. */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}

function parse(role: SenderRole, message: unknown, tabId: number | undefined): Incoming | string {
  const schema = { popup: popupRequestSchema, aws: awsRequestSchema, docker: dockerRequestSchema }[role];
  const parsed = schema.safeParse(message);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ').slice(0, 300);
  if (role === 'popup') return { role, request: parsed.data } as Incoming;
  // Content scripts' messages are bound to the tab the browser says they come from.
  if (tabId === undefined) return 'content script message without a tab id';
  return { role, request: parsed.data, tabId } as Incoming;
}

async function handle(incoming: Incoming): Promise<Reply> {
  await storageRestricted;
  const before = await readWorld(Date.now());
  const { world, reply, effects } = reduce(before, incoming, Date.now());
  await writeWorld(before, world);
  // A link begun, moved on or ended: registered (or not) before a tab is opened for it, so the page it loads
  // starts the engine at document_start. A plan request changes neither, and is answered without waiting on it.
  if (world.stored !== before.stored || world.armed !== before.armed) await registerEngine(engineWanted(world, Date.now()));
  let after = world;
  for (const effect of effects) {
    const tabId = await openTab(effect.url, effect.reload, effect.inTab).catch((e: unknown) => {
      console.warn('[background] could not open', effect.url, e);
      return null;
    });
    if (tabId !== null && effect.then) {
      const bound = bind(after, tabId, effect.then, Date.now());
      await writeWorld(after, bound);
      after = bound;
    }
  }
  announce(before, after);
  if (after !== world) await registerEngine(engineWanted(after, Date.now()));
  return reply;
}

function announce(before: World, after: World): void {
  if (after.stored !== before.stored || after.task !== before.task || after.setAside !== before.setAside) {
    // No popup open is the usual case: nobody receives it.
    const view = viewOf(after);
    browser.runtime.sendMessage({ kind: 'stateChanged', ...view }).catch(() => undefined);
  }
  // The console tabs that asked for a plan are told it may have changed; they ask again. Nothing else reaches them.
  if (after.stored !== before.stored || after.armed !== before.armed) {
    for (const tabId of after.planTabs) browser.tabs.sendMessage(tabId, { kind: 'planChanged' }).catch(() => undefined);
  }
}

/**
 * Injects the console engine into the IAM page that asked (its top frame: the sender policy checked it), in the
 * document that asked where the browser says which one it is, with the plan just computed for that tab: the
 * engine starts on it instead of asking again (engine.iife.ts). False when the tab has gone or cannot take it.
 */
async function startEngine(sender: browser.Runtime.MessageSender, plan: Reply): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return false;
  const target = sender.documentId === undefined ? { tabId, frameIds: [0] } : { tabId, documentIds: [sender.documentId] };
  try {
    // The plan goes into the extension's isolated world, which the page cannot read; the engine checks it as it
    // checks any answer.
    // Both at once, not at document_idle: the boot asks at document_start, and the engine should be listening
    // before the console renders its first step.
    const [handed] = await browser.scripting.executeScript({ target, func: handOver, args: [plan], injectImmediately: true });
    // Registered while a link is in progress (engine.ts), the engine ran at document_start and asked for itself.
    if (handed?.result !== true) await browser.scripting.executeScript({ target, files: [ENGINE_FILE], injectImmediately: true });
    return true;
  } catch (error) {
    console.warn('[background] could not start the console engine', error);
    return false;
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  const who = classifySender(sender, extension);
  if (!who.ok) {
    console.warn(`[background] rejected a message: ${who.reason}`);
    return Promise.resolve({ rejected: who.reason });
  }
  const incoming = parse(who.role, message, sender.tab?.id);
  if (typeof incoming === 'string') {
    console.warn(`[background] rejected a malformed ${who.role} message: ${incoming}`);
    return Promise.resolve({ rejected: incoming });
  }
  const replied = serially(() => handle(incoming));
  if (incoming.role !== 'aws' || incoming.request.kind !== 'awsStartEngine') return replied;
  // The engine goes only where a link is in progress: the reducer's answer is a plan then.
  return replied.then((plan) => plan !== null && startEngine(sender, plan));
});

// A closed tab takes its arm with it, and ends a Docker Cloud task it was doing.
browser.tabs.onRemoved.addListener((tabId: number) => {
  void serially(() => handle({ role: 'browser', event: { kind: 'tabClosed', tabId } }));
});

// The engine's registration follows what is stored, whoever wrote it and when: at the worker's start (it is not
// kept across browser sessions), and on every change of the link or the armed tabs. A message's own change
// registers it before any tab is opened (handle).
const followStorage = () => serially(async () => registerEngine(engineWanted(await readWorld(Date.now()), Date.now())));
browser.storage.onChanged.addListener((changes, area) => {
  if ((area === 'local' && 'state' in changes) || (area === 'session' && 'armedTabs' in changes)) void followStorage();
});
void storageRestricted.then(followStorage);

// Reach beyond the popup: the toolbar badge follows the stored progress; a welcome tab opens on install.
followProgressOnBadge();
openWelcomeOnInstall();
