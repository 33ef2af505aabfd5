// npm start: the extension on replicas of the IAM console and Docker Cloud, for anyone without an AWS account.
// With a display: Chromium opens with the extension loaded, the console replica in one tab and the
// popup's first step in another. Without one (or with --headless): the whole link is done headless and an
// illustrated walkthrough (a screenshot per step) is written to a folder this prints.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { AWS_CONSOLE, CHROMIUM, launch } from '../test/e2e/harness';
import { buildReplica } from '../test/replica/server';
import { withExtension } from '../test/e2e/user-flow';
import { hasDisplay, nodeSystem, stopUnlessFound } from './browsers';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || !hasDisplay(nodeSystem());
const outIndex = args.indexOf('--out');
const outDir = resolve((outIndex >= 0 && args[outIndex + 1]) || 'artifacts/walkthrough');

const CAPTIONS: Record<string, string> = {
  'popup-first-run': 'First run: the popup asks for your Docker Cloud namespace and the policy you want.',
  'popup-checklist': 'The procedure as a checklist; each step has a button that opens the right page.',
  'console role verified': 'The role page: the Role ARN is captured, the trust relationship checked, and the verdict shown.',
  'popup-ready-to-send': 'Back in the popup: the captured Role ARN, ready to send to Docker Cloud in one click.',
  'docker-cloud-linked': 'Docker Cloud: the extension filled "Add AWS Credentials", saved, and the plug turned green.',
  'popup-linked': 'Every step done: Amazon Web Services is linked.',
};
/** The moments worth a store screenshot, with the listing's caption for each. */
const STORE: Record<string, string> = {
  'popup-first-run': 'Enter your Docker Cloud namespace: the extension does the rest with you.',
  'popup-checklist': 'One next action at a time, with live progress.',
  'console role verified': 'The role is checked: trust, External ID, MFA and policy.',
  'popup-ready-to-send': 'The Role ARN is captured: one click sends it.',
  'docker-cloud-linked': 'Docker Cloud is linked, without a copy and paste.',
  'popup-linked': 'Linked.',
};
const STORE_SIZE = { width: 1280, height: 800 };

/**
 * 1280×800 store screenshots, light and dark: a console or Docker Cloud page as it is; the popup (360 px
 * wide) beside its caption on a plain background, as the stores show an extension's UI.
 */
async function storeShots(h: Awaited<ReturnType<typeof launch>>, name: string, page: Page, dir: string, index: number): Promise<string[]> {
  const files: string[] = [];
  const isPopup = page.url().startsWith('chrome-extension://');
  const before = page.viewportSize();
  for (const colorScheme of ['light', 'dark'] as const) {
    const file = join(dir, `${String(index).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${colorScheme}.png`);
    await page.emulateMedia({ colorScheme });
    if (!isPopup) {
      await page.setViewportSize(STORE_SIZE);
      await page.screenshot({ path: file });
    } else {
      const height = await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
      await page.setViewportSize({ width: 360, height: Math.min(Math.max(height, 200), 600) });
      const popup = (await page.screenshot({ type: 'png' })).toString('base64');
      const frame = await h.context.newPage();
      await frame.setViewportSize(STORE_SIZE);
      await frame.emulateMedia({ colorScheme });
      const dark = colorScheme === 'dark';
      await frame.setContent(`<!doctype html><body style="margin:0;height:800px;display:flex;align-items:center;justify-content:center;gap:72px;
        font:600 34px/1.3 system-ui,sans-serif;background:${dark ? '#0f141a' : '#eef2f8'};color:${dark ? '#e9ebed' : '#16191f'}">
        <p style="max-width:520px;margin:0">${STORE[name]}</p>
        <img src="data:image/png;base64,${popup}" style="border-radius:10px;box-shadow:0 12px 40px rgba(0,0,0,.28)"></body>`);
      await frame.screenshot({ path: file });
      await frame.close();
    }
    files.push(file);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  if (before) await page.setViewportSize(before);
  return files;
}

const caption = (name: string) =>
  CAPTIONS[name] ?? `The console (${name.replace(/^console /, '')}): filled in by the extension, with the next button ringed.`;

async function buildAll(): Promise<void> {
  console.log('Building the extension and the replica pages…');
  process.env.NODE_ENV = 'production';
  await build({ configFile: 'vite.config.ts', logLevel: 'warn', mode: 'production' });
  await buildReplica();
}

async function interactive(): Promise<void> {
  const h = await launch({ headless: false });
  await h.page.goto(`${AWS_CONSOLE}/iam/home#/policies`);
  await h.openPopup();
  console.log(`
Chromium is open with the extension loaded (id ${h.extensionId}).
  - the tab "Docker Cloud AWS Link" is the extension's popup: enter a namespace (e.g. moby) and follow the checklist;
  - console.aws.amazon.com and cloud.docker.com are replicas served from this machine (port ${h.server.port});
  - the replica's AWS account is ${h.server.state.accountId}; Docker Cloud is signed in as "${h.server.state.config.docker.signedInAs}".
Close the browser or press Ctrl+C to stop.`);
  const stop = async () => {
    await h.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  h.context.on('close', () => void stop());
}

async function walkthrough(): Promise<void> {
  const h = await launch({ headless: true });
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const steps: { file: string; text: string }[] = [];
  const storeDir = join(outDir, 'store');
  mkdirSync(storeDir, { recursive: true });
  let storeCount = 0;
  const onStep = async (name: string, page: Page) => {
    const file = `${String(steps.length + 1).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '').toLowerCase()}.png`;
    await page.waitForTimeout(300); // let the ring settle on its control
    await page.screenshot({ path: join(outDir, file) });
    steps.push({ file, text: caption(name) });
    console.log(`  ${file}`);
    if (STORE[name] !== undefined) for (const f of await storeShots(h, name, page, storeDir, ++storeCount)) console.log(`  store/${basename(f)}`);
  };
  try {
    console.log('No display: doing the whole link headless and writing a walkthrough…');
    const run = await withExtension(h, { onStep, log: (line) => console.log(line) });
    const lines = [
      '# Docker Cloud AWS Link: a walkthrough',
      '',
      'Made by `npm start` on replicas of the AWS IAM console and Docker Cloud (no AWS account involved).',
      `The user typed ${run.keys} characters and made ${run.clicks} clicks; ${run.completed ? 'AWS ended up linked.' : `the run stopped: ${run.stoppedAt}`}`,
      '',
      ...steps.flatMap((s, i) => [`## ${i + 1}. ${s.text}`, '', `![${s.text}](${s.file})`, '']),
      '## Store screenshots',
      '',
      `1280×800, light and dark, in [store/](store/) (${storeCount * 2} images).`,
      '',
    ];
    writeFileSync(join(outDir, 'README.md'), lines.join('\n'));
    console.log(`\nWalkthrough: ${join(outDir, 'README.md')} (${steps.length} screenshots)`);
    if (!run.completed) process.exitCode = 1;
  } finally {
    await h.close();
  }
}

stopUnlessFound(CHROMIUM);
await buildAll();
await (headless ? walkthrough() : interactive());
