import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Alias, type Plugin, type ResolvedConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { ENGINE_FILE } from './src/background/engine';

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

/** The console engine's source; the background injects its IIFE build (ENGINE_FILE) with `scripting.executeScript`. */
const ENGINE = 'src/content/aws/engine.iife.ts';
const ENGINE_ENTRY = 'virtual:console-engine';

interface WebAccessible {
  resources: string[];
}

/**
 * Builds the console engine with CRXJS's own IIFE build (the one the manifest's `*.iife.ts` scripts get), from a
 * build-only entry that imports it with `?script&iife`. Not from the service worker: CRXJS's placeholder for the
 * file name hashes the absolute path, so the worker's chunk name would differ between two clones of the same
 * commit, and the package would not be reproducible. The worker names the file it injects, ENGINE_FILE.
 * Then it undoes what CRXJS does for a `?script` it thinks a content script will inject: the file is made
 * web-accessible to every http and https site (any page could tell the extension is installed) and the ES chunk
 * the IIFE was built from ships too. The engine is injected by the background only, which needs neither.
 */
function consoleEngine(): Plugin[] {
  const entryId = `\0${ENGINE_ENTRY}`;
  const dropped = (output: { isEntry: boolean; facadeModuleId: string | null }) => output.isEntry && (output.facadeModuleId === entryId || output.facadeModuleId?.endsWith(ENGINE));
  const entry: Plugin = {
    name: 'console-engine-entry',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id === ENGINE_ENTRY ? entryId : null),
    load: (id) => (id === entryId ? `import file from ${JSON.stringify(`/${ENGINE}?script&iife`)};\nexport default file;\n` : null),
  };
  const cleanup: Plugin & { renderCrxManifest<M extends { web_accessible_resources?: WebAccessible[] }>(manifest: M): M } = {
    // After CRXJS's own plugins: it calls each plugin's renderCrxManifest in their order.
    name: 'console-engine-injected-only',
    apply: 'build',
    enforce: 'post',
    renderCrxManifest(manifest) {
      const resources = (manifest.web_accessible_resources ?? [])
        .map((r) => ({ ...r, resources: r.resources.filter((file) => file !== ENGINE_FILE) }))
        .filter((r) => r.resources.length > 0);
      const { web_accessible_resources: _all, ...rest } = manifest;
      return (resources.length > 0 ? { ...rest, web_accessible_resources: resources } : rest) as typeof manifest;
    },
    generateBundle(_options, bundle) {
      for (const [file, output] of Object.entries(bundle)) if (output.type === 'chunk' && dropped(output)) delete bundle[file];
      // V8's explicit compile hint (Chrome 136+; other engines read a comment): every function of the engine is
      // compiled as it is injected, early in the page's load, not on its first call, which would be in the task
      // where the console renders a step and the engine fills it.
      const engine = bundle[ENGINE_FILE];
      if (engine?.type === 'asset') {
        const source = typeof engine.source === 'string' ? engine.source : new TextDecoder().decode(engine.source);
        engine.source = `//# allFunctionsCalledOnLoad\n${source}`;
      }
    },
  };
  return [entry, cleanup];
}

export default defineConfig({
  plugins: [preact(), nativeBrowserInContentScripts(), crx({ manifest: firefox ? firefoxManifest() : (manifest as ManifestV3Export), browser: firefox ? 'firefox' : 'chrome' }), consoleEngine()],
  publicDir: false,
  build: {
    outDir: firefox ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // Extension pages the manifest does not name: CRXJS builds every HTML input as a page of the extension.
    rollupOptions: { input: { welcome: 'src/welcome/index.html', engine: ENGINE_ENTRY } },
  },
});
