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

/** The console engine's source: the background injects its IIFE build with `scripting.executeScript`. */
const ENGINE = 'src/content/aws/engine.iife.ts';

/**
 * CRXJS makes a script imported with `?script` web-accessible to every http and https site, for injection by
 * a content script, and ships the ES chunk it built the IIFE from. The engine is injected by the background only,
 * which needs neither: a web-accessible file would tell any page that the extension is installed.
 */
interface WebAccessible {
  resources: string[];
}
/** After CRXJS's own plugins (it calls each plugin's renderCrxManifest in order). */
function engineInjectedOnly(): Plugin & { renderCrxManifest<M extends { web_accessible_resources?: WebAccessible[] }>(manifest: M): M } {
  const engine = ENGINE.replace(/\.ts$/, '.js');
  return {
    name: 'engine-injected-only',
    apply: 'build',
    enforce: 'post',
    renderCrxManifest(manifest) {
      const resources = (manifest.web_accessible_resources ?? [])
        .map((r) => ({ ...r, resources: r.resources.filter((file) => file !== engine) }))
        .filter((r) => r.resources.length > 0);
      const { web_accessible_resources: _all, ...rest } = manifest;
      return (resources.length > 0 ? { ...rest, web_accessible_resources: resources } : rest) as typeof manifest;
    },
    generateBundle(_options, bundle) {
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type === 'chunk' && output.isEntry && output.facadeModuleId?.endsWith(ENGINE)) delete bundle[file];
      }
    },
  };
}

export default defineConfig({
  plugins: [preact(), nativeBrowserInContentScripts(), crx({ manifest: firefox ? firefoxManifest() : (manifest as ManifestV3Export), browser: firefox ? 'firefox' : 'chrome' }), engineInjectedOnly()],
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
