// On install, a tab that says what will happen and takes the namespace. Not on updates, and not for Firefox's
// temporary (developer) installs, which happen on every `web-ext run`.
import browser from '../browser';

export const WELCOME_PATH = 'src/welcome/index.html';

export function openWelcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason !== 'install' || details.temporary === true) return;
    void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) }).catch((e: unknown) => console.warn('[welcome] could not open', e));
  });
}
