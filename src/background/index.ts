import browser from '../browser';

browser.runtime.onInstalled.addListener(() => undefined);
