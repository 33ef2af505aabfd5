#!/usr/bin/env -S npx tsx
// Renders the extension icons (assets/icon-{16,32,48,128}.png) from the SVG
// sources in assets/ using headless Chromium via playwright-core.
//
//   npm run icons
//
// 16 and 32 px use the simplified assets/icon-small.svg; 48 and 128 px use
// assets/icon.svg. Backgrounds are transparent.
//
// The browser is the one `npm run doctor` reports (CHROMIUM_PATH, a system install or Playwright's).
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findBrowser, nodeSystem, stopUnlessFound } from './browsers.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = join(root, 'assets');

const targets = [
  { size: 16, src: 'icon-small.svg' },
  { size: 32, src: 'icon-small.svg' },
  { size: 48, src: 'icon.svg' },
  { size: 128, src: 'icon.svg' },
];

const found = findBrowser('chromium', nodeSystem());
stopUnlessFound(found);
const browser = await chromium.launch({
  executablePath: found.path,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

try {
  for (const { size, src } of targets) {
    const svg = await readFile(join(assets, src), 'utf8');
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const page = await browser.newPage({
      viewport: { width: size, height: size },
      deviceScaleFactor: 1,
    });
    await page.setContent(
      `<!doctype html><html><head><style>
        html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }
        img { display: block; width: ${size}px; height: ${size}px; }
      </style></head><body><img src="${dataUrl}" alt=""></body></html>`,
    );
    await page.waitForFunction(() => {
      const img = document.querySelector('img');
      return img && img.complete && img.naturalWidth > 0;
    });
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    const out = join(assets, `icon-${size}.png`);
    await writeFile(out, png);
    await page.close();
    console.log(`wrote ${out.slice(root.length + 1)} (${src})`);
  }
} finally {
  await browser.close();
}
