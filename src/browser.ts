// The one import of the polyfill: everything else uses this `browser`, on Chrome and Firefox alike.
import browser from 'webextension-polyfill';

export default browser;
