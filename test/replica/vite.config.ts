// Builds the replica pages (IAM console, Docker Cloud) with real React: no Preact preset here,
// because the console runs Cloudscape on React and the extension must meet the same DOM.
// Every folder test/replica/<app>/ with a main.tsx (or client/main.tsx) becomes the entry "<app>".
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const replicaRoot = fileURLToPath(new URL('.', import.meta.url));

function replicaEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const dir of readdirSync(replicaRoot, { withFileTypes: true })) {
    if (!dir.isDirectory() || dir.name === 'dist' || dir.name === 'node_modules') continue;
    for (const file of ['main.tsx', 'main.ts', 'client/main.tsx', 'client/main.ts']) {
      const path = join(replicaRoot, dir.name, file);
      if (existsSync(path)) {
        entries[dir.name] = path;
        break;
      }
    }
  }
  return entries;
}

export default defineConfig({
  root: replicaRoot,
  base: '/__replica/assets/',
  publicDir: false,
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  // Production JSX whatever NODE_ENV the caller has (vitest sets "test"): the bundle runs React's production build.
  mode: 'production',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react', development: false } },
  resolve: { dedupe: ['react', 'react-dom'] },
  build: {
    outDir: join(replicaRoot, 'dist'),
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 10_000,
    reportCompressedSize: false,
    rolldownOptions: {
      input: replicaEntries(),
      // Cloudscape marks modules 'use client'; meaningless in a plain client bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'files/[name]-[hash][extname]',
      },
    },
  },
});
