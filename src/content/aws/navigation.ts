// Every way the console can change its URL: hashchange, popstate, the Navigation API where the browser has
// it, and the MAIN-world hint after history.pushState/replaceState (which fire no event at all). Each only
// says "look again"; the URL itself is always read from `location`.
import { URL_HINT } from './editor-bridge';

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void): void;
}

export function onUrlChange(callback: (url: string) => void): void {
  let last = location.href;
  const look = () => {
    if (location.href === last) return;
    last = location.href;
    callback(last);
  };
  window.addEventListener('hashchange', look);
  window.addEventListener('popstate', look);
  document.addEventListener(URL_HINT, look);
  // pushState updates location synchronously but the MAIN world's hint could be missed (script blocked,
  // a page that saved the original pushState): the Navigation API sees every same-document navigation.
  (window as { navigation?: NavigationLike }).navigation?.addEventListener('currententrychange', look);
}
