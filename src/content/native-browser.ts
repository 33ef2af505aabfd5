// What the content scripts get for `webextension-polyfill` (see vite.config.ts): the browser's own namespace.
// They only call runtime.sendMessage, i18n.getMessage and storage.onChanged, which Chrome (MV3) and Firefox
// both provide natively (with promises); the polyfill would add 2.6 kB gzip to every console page for nothing.
import type Browser from 'webextension-polyfill';

const native = globalThis as { browser?: Browser.Browser; chrome?: Browser.Browser };

export default (native.browser ?? native.chrome) as Browser.Browser;
