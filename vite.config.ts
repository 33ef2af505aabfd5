import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Alias, type Plugin, type ResolvedConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

/** `TARGET=firefox` builds for Firefox: an event page instead of a service worker, and a gecko id. */
const firefox = process.env.TARGET === 'firefox';

function firefoxManifest(): ManifestV3Export {
  const { service_worker, ...background } = manifest.background;
  const { minimum_chrome_version: _chromeOnly, ...common } = manifest;
  return {
    ...common,
    background: { ...background, scripts: [service_worker] },
    browser_specific_settings: {
      gecko: {
        // A GUID, fixed for the life of the add-on: AMO ties the listing, signing and updates to it, and unlike an
        // email-style id it claims no domain the project does not own. Never change it after the first upload.
        id: '{1fa93083-781d-49a5-bfba-a9e016aaf5e9}',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android only knows data_collection_permissions from 142 on (desktop: 140).
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

/**
 * The content scripts are the IIFE builds CRXJS runs while the main bundle is generated, with this config's
 * `resolve`: from then on, `webextension-polyfill` resolves to the browser's own namespace. The service
 * worker (whose onMessage listener answers with a promise) and the popup keep the polyfill.
 */
function nativeBrowserInContentScripts(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'native-browser-in-content-scripts',
    apply: 'build',
    enforce: 'pre',
    configResolved: (resolved) => void (config = resolved),
    generateBundle() {
      const alias: Alias = { find: /^webextension-polyfill$/, replacement: fileURLToPath(new URL('src/content/native-browser.ts', import.meta.url)) };
      (config.resolve.alias as Alias[]).push(alias);
    },
  };
}

export default defineConfig({
  plugins: [preact(), nativeBrowserInContentScripts(), crx({ manifest: firefox ? firefoxManifest() : (manifest as ManifestV3Export), browser: firefox ? 'firefox' : 'chrome' })],
  publicDir: false,
  build: {
    outDir: firefox ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Extension pages the manifest does not name: CRXJS builds every HTML input as a page of the extension.
    rollupOptions: { input: { welcome: 'src/welcome/index.html' } },
  },
});
