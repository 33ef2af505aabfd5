import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

/** `TARGET=firefox` builds for Firefox: an event page instead of a service worker, and a gecko id. */
const firefox = process.env.TARGET === 'firefox';

function firefoxManifest(): ManifestV3Export {
  const { service_worker, ...background } = manifest.background;
  return {
    ...manifest,
    background: { ...background, scripts: [service_worker] },
    browser_specific_settings: {
      gecko: {
        id: 'dockercloud-aws-link@extensions.invalid',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android only knows data_collection_permissions from 142 on (desktop: 140).
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

export default defineConfig({
  plugins: [preact(), crx({ manifest: firefox ? firefoxManifest() : (manifest as ManifestV3Export), browser: firefox ? 'firefox' : 'chrome' })],
  publicDir: false,
  build: {
    outDir: firefox ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
  },
});
