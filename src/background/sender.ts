// Who may send what: a message acts only when its sender is the part of the extension it claims to be.

/** The parts of runtime.MessageSender the policy looks at (plain data, so the policy is pure). */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: unknown;
}

export interface Extension {
  id: string;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`, from runtime.getURL(''). */
  origin: string;
  /** The popup page's path, e.g. `/src/popup/index.html`. */
  popupPath: string;
  /** The welcome page's path: it shows the popup's form and checklist, so it speaks as the popup. */
  welcomePath?: string;
}

export type SenderRole = 'popup' | 'aws' | 'docker';
export type SenderVerdict = { ok: true; role: SenderRole } | { ok: false; reason: string };

// Global, regional (us-east-1.…) and multi-session hosts (111122223333-abcd1234.us-east-1.…, the account
// id first): two labels before console.aws.amazon.com only in the multi-session form.
const AWS_CONSOLE_HOST = /^(?:\d{12}-[a-z0-9]{1,50}\.)?(?:[a-z0-9-]{1,63}\.)?console\.aws\.amazon\.com$/;
const IAM_PATH = /^\/iam(?:v2)?\//;
const DOCKER_CLOUD_HOST = 'cloud.docker.com';

/** The popup page (toolbar or opened in a tab), an IAM console page's top frame, or Docker Cloud's top frame. */
export function classifySender(sender: Sender, ext: Extension): SenderVerdict {
  if (sender.id !== ext.id) return { ok: false, reason: `foreign extension ${String(sender.id)}` };
  if (typeof sender.url !== 'string') return { ok: false, reason: 'no sender URL' };
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return { ok: false, reason: 'unparsable sender URL' };
  }
  if (sender.url.startsWith(ext.origin)) {
    if (url.pathname !== ext.popupPath && url.pathname !== ext.welcomePath) return { ok: false, reason: `extension page ${url.pathname} is not the popup` };
    if (sender.frameId !== undefined && sender.frameId !== 0) return { ok: false, reason: 'popup in a frame' };
    return { ok: true, role: 'popup' };
  }
  // Content scripts only: a web page cannot reach runtime.onMessage, but a content script in a frame can.
  if (sender.tab === undefined) return { ok: false, reason: 'web sender without a tab' };
  if (sender.frameId !== 0) return { ok: false, reason: `frame ${String(sender.frameId)} is not the top frame` };
  if (url.protocol !== 'https:' || url.port !== '') return { ok: false, reason: `not https on the default port: ${url.origin}` };
  if (AWS_CONSOLE_HOST.test(url.hostname)) {
    return IAM_PATH.test(url.pathname) ? { ok: true, role: 'aws' } : { ok: false, reason: `console page ${url.pathname} is not IAM` };
  }
  if (url.hostname === DOCKER_CLOUD_HOST) return { ok: true, role: 'docker' };
  return { ok: false, reason: `unexpected host ${url.hostname}` };
}
