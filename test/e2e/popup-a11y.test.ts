// Every popup state and the welcome page, light and dark: axe-core (WCAG 2.2 A/AA) finds nothing, and the popup
// fits Chrome's 600 px.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { POPUP_STATES, axe, popupHeight, popupIn, seed } from './popup-support';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  h.context.setDefaultTimeout(10_000);
});
afterAll(async () => h?.close());
beforeEach(async () => {
  for (const p of h.context.pages().slice(1)) await p.close();
});

describe.each(['light', 'dark'] as const)('%s', (colorScheme) => {
  it.each(POPUP_STATES.map((s) => [s.name, s] as const))('popup %s: no axe violations, at most 600 px tall', async (_name, state) => {
    const popup = await popupIn(h, state);
    await popup.emulateMedia({ colorScheme });
    expect(await axe(popup)).toEqual([]);
    expect(await popupHeight(popup)).toBeLessThanOrEqual(600);
  });

  it('welcome page: no axe violations', async () => {
    await seed(h, undefined);
    const page = await h.context.newPage();
    await page.emulateMedia({ colorScheme });
    await page.goto(`chrome-extension://${h.extensionId}/src/welcome/index.html`);
    await page.locator('form.setup').waitFor();
    expect(await axe(page)).toEqual([]);
  });
});
