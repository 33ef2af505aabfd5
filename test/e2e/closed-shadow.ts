// The extension draws in closed shadow roots, out of the page's reach, and so out of Playwright's locators.
// Tests read them as the browser itself does: the DevTools protocol's DOM, shadow roots included.
import type { Page } from 'playwright-core';

export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/** The whole document, closed shadow roots included. */
export async function fullDom(page: Page): Promise<DomNode> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    return root;
  } finally {
    await cdp.detach();
  }
}

const inside = (node: DomNode): DomNode[] => [...(node.shadowRoots ?? []), ...(node.children ?? [])];

export function* walk(node: DomNode): Generator<DomNode> {
  yield node;
  for (const child of inside(node)) yield* walk(child);
}

export const attribute = (node: DomNode, name: string): string | null => {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1] ?? '';
  return null;
};

/** The text a user reads in `node` (styles and scripts left out), spaces collapsed. */
export function textIn(node: DomNode): string {
  const parts: string[] = [];
  const visit = (n: DomNode) => {
    if (n.nodeName === 'STYLE' || n.nodeName === 'SCRIPT') return;
    if (n.nodeType === 3) parts.push(n.nodeValue ?? '');
    for (const child of inside(n)) visit(child);
  };
  visit(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

const isHost = (attr: string, value?: string) => (n: DomNode) => {
  const v = attribute(n, attr);
  return v !== null && (value === undefined || v === value);
};

/** The text inside every element carrying `attr` (= `value`), e.g. the Docker Cloud toast's host; '' when there is none. */
export async function shadowText(page: Page, attr: string, value?: string): Promise<string> {
  const hosts = [...walk(await fullDom(page))].filter(isHost(attr, value));
  return hosts.map(textIn).join(' ').trim();
}

/** The guide's text (its host: #dockercloud-aws-link-guide). */
export const guideText = (page: Page): Promise<string> => shadowText(page, 'id', 'dockercloud-aws-link-guide');

/** A user's click on the button reading `label` inside the element carrying `attr` (= `value`). */
export async function clickInShadow(page: Page, label: string, attr: string, value?: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const buttons = [...walk(root)].filter(isHost(attr, value)).flatMap((host) => [...walk(host)].filter((n) => n.nodeName === 'BUTTON' && textIn(n) === label));
    if (buttons.length !== 1) throw new Error(`${buttons.length} buttons "${label}"`);
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: (buttons[0] as DomNode & { nodeId: number }).nodeId })) as { model: { content: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** The mode of each shadow root on elements carrying `attr` (= `value`): "open" or "closed". */
export async function shadowModes(page: Page, attr: string, value?: string): Promise<string[]> {
  const hosts = [...walk(await fullDom(page))].filter(isHost(attr, value));
  return hosts.flatMap((h) => (h.shadowRoots ?? []).map((r) => (r as { shadowRootType?: string }).shadowRootType ?? 'unknown'));
}
