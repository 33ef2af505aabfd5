// The shipped size budgets on the build the e2e global setup just made (dist/): a content script that grows
// past its budget fails here, not in the benchmark someone may not run. Figures: npm run bench.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS, measureSizes } from '../../scripts/bench/sizes';
import { EXTENSION_DIR } from './harness';

const rows = measureSizes(EXTENSION_DIR);
const gzipOf = (what: string) => {
  const found = rows.filter((r) => r.what === what);
  expect(found, what).toHaveLength(1);
  return found[0]?.gzip ?? Infinity;
};

describe('shipped size budgets (gzip, level 9)', () => {
  it('measures every injected script, the service worker and the popup', () => {
    expect(rows.map((r) => r.what).sort()).toEqual(
      ['Docker Cloud content script', 'IAM MAIN-world script', 'IAM content script (every IAM page)', 'IAM console engine (during a link)', 'Popup (html, js, css)', 'Service worker'].sort(),
    );
    for (const r of rows) expect(r.raw, r.what).toBeGreaterThan(0);
  });

  it(`keeps what runs on every IAM page load under ${BUDGETS.iamContent} bytes (the issue's limit: 12 000)`, () => {
    expect(gzipOf('IAM content script (every IAM page)')).toBeLessThan(BUDGETS.iamContent);
  });

  it(`keeps the console engine, run only during a link, libraries included, under ${BUDGETS.iamEngine} bytes`, () => {
    expect(gzipOf('IAM console engine (during a link)')).toBeLessThan(BUDGETS.iamEngine);
  });

  it(`keeps the MAIN-world script under ${BUDGETS.mainWorld} bytes`, () => {
    expect(gzipOf('IAM MAIN-world script')).toBeLessThan(BUDGETS.mainWorld);
  });

  it(`keeps the Docker Cloud content script under ${BUDGETS.dockerContent} bytes`, () => {
    expect(gzipOf('Docker Cloud content script')).toBeLessThan(BUDGETS.dockerContent);
  });

  it('ships no zod in content scripts (the popup and the service worker parse with it)', () => {
    for (const r of rows.filter((r) => r.what.includes('content script') || r.what.includes('engine') || r.what.includes('MAIN-world'))) {
      for (const file of r.files) expect(readFileSync(join(EXTENSION_DIR, file), 'utf8'), file).not.toMatch(/\b_zod\b/);
    }
  });
});
