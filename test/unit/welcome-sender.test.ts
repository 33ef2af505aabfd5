// The welcome page shows the popup's form and checklist, so the background hears it as the popup; no other page.
import { describe, expect, it } from 'vitest';
import { classifySender, type Extension } from '../../src/background/sender';

const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const ext: Extension = { id: 'abcdefghijklmnopabcdefghijklmnop', origin, popupPath: '/src/popup/index.html', welcomePath: '/src/welcome/index.html' };

describe('the welcome page as a sender', () => {
  it('speaks as the popup from its top frame', () => {
    expect(classifySender({ id: ext.id, url: `${origin}src/welcome/index.html`, frameId: 0 }, ext)).toEqual({ ok: true, role: 'popup' });
    expect(classifySender({ id: ext.id, url: `${origin}src/popup/index.html` }, ext)).toEqual({ ok: true, role: 'popup' });
  });

  it('not in a frame, and no other extension page does', () => {
    expect(classifySender({ id: ext.id, url: `${origin}src/welcome/index.html`, frameId: 3 }, ext).ok).toBe(false);
    expect(classifySender({ id: ext.id, url: `${origin}src/welcome/other.html` }, ext).ok).toBe(false);
    expect(classifySender({ id: ext.id, url: `${origin}src/welcome/index.html` }, { ...ext, welcomePath: undefined }).ok).toBe(false);
  });
});
