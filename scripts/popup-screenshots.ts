// Screenshots of the popup in every state, in each language the extension speaks: docs/screenshots/<lang>/.
// Usage: npx tsx scripts/popup-screenshots.ts [--out DIR] [--lang en,de,ja] [--scheme light|dark]
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from '../test/e2e/harness';
import { POPUP_STATES, popupHeight, popupIn } from '../test/e2e/popup-support';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const outDir = resolve(arg('out', 'docs/screenshots'));
const only = arg('states', '');

for (const lang of arg('lang', 'en,de,ja').split(',')) {
  const h = await launch({ lang });
  try {
    const dir = join(outDir, lang);
    mkdirSync(dir, { recursive: true });
    for (const state of POPUP_STATES.filter((s) => only === '' || only.split(',').includes(s.name))) {
      const popup = await popupIn(h, state).catch(async (e: unknown) => {
        const stuck = h.context.pages().at(-1)!;
        await stuck.screenshot({ path: join(dir, `${state.name}-FAILED.png`) });
        throw e;
      });
      await popup.emulateMedia({ colorScheme: arg('scheme', 'light') === 'dark' ? 'dark' : 'light', reducedMotion: 'reduce' });
      const height = await popupHeight(popup);
      await popup.setViewportSize({ width: 360, height: Math.max(height, 200) });
      await popup.screenshot({ path: join(dir, `${state.name}.png`) });
      console.log(`${lang} ${state.name}: ${height} px`);
      await popup.close();
    }
  } finally {
    await h.close();
  }
}
