// A console page that mutates its DOM heavily, as the console's tables and spinners do, for the benchmark's
// page-overhead figure: served at /iam/home?replica=churn (any hash route), so the IAM content script runs
// on it as on the console. `window.__churn(ms)` mutates for `ms` on every animation frame and resolves with
// how many frames and mutations it made; the benchmark measures main-thread time around it.

export const CHURN_ROWS = 300;
/** Per frame: cells rewritten, spinner attributes flipped, rows replaced. */
export const CHURN_PER_FRAME = { cells: 60, spinners: 30, rows: 4 } as const;

export function churnPage(): string {
  const { cells, spinners, rows } = CHURN_PER_FRAME;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>IAM Management Console</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 16px; }
.spinner { display: inline-block; width: 10px; height: 10px; margin: 2px; border-radius: 50%; background: #879596; }
.spinner.on { background: #0972d3; }
/* Cheap to lay out, so the figure is not diluted by layout: the mutations are the load. */
.row { display: flex; height: 20px; contain: strict; width: 900px; }
.row > span { flex: 1; overflow: hidden; white-space: nowrap; }
</style></head>
<body>
<header id="awsc-nav-header">AWS</header>
<main>
<h1>Policies</h1>
<button type="button" id="create">Create policy</button>
<div id="spinners"></div>
<div role="table" aria-label="Policies"><div id="rows" role="rowgroup"></div></div>
</main>
<script>
(() => {
  const tbody = document.getElementById('rows');
  const spinnerBox = document.getElementById('spinners');
  let serial = 0;
  const row = () => {
    const tr = Object.assign(document.createElement('div'), { className: 'row' });
    tr.setAttribute('role', 'row');
    const n = serial++;
    for (const text of ['policy-' + n, 'Customer managed', 'None', 'Policy number ' + n, 'Loading']) {
      const cell = Object.assign(document.createElement('span'), { textContent: text });
      cell.setAttribute('role', 'cell');
      tr.append(cell);
    }
    return tr;
  };
  for (let i = 0; i < ${CHURN_ROWS}; i++) tbody.append(row());
  for (let i = 0; i < ${spinners}; i++) spinnerBox.append(Object.assign(document.createElement('span'), { className: 'spinner' }));
  let tick = 0;
  const frame = () => {
    tick++;
    const all = tbody.children;
    for (let i = 0; i < ${cells}; i++) {
      const cell = all[(tick * ${cells} + i) % all.length].children[4];
      cell.textContent = (tick + i) % 3 === 0 ? 'Loading' : 'Attached ' + tick;
    }
    for (const s of spinnerBox.children) s.classList.toggle('on');
    for (let i = 0; i < ${rows}; i++) {
      tbody.firstElementChild.remove();
      tbody.append(row());
    }
  };
  // Per frame: each cell rewrite is one childList record, each spinner one attribute record, each row two.
  const perFrame = ${cells} + ${spinners} + 2 * ${rows};
  window.__churn = (ms) => new Promise((resolve) => {
    const start = performance.now();
    let frames = 0;
    const step = () => {
      if (performance.now() - start >= ms) return resolve({ frames, mutations: frames * perFrame, ms: performance.now() - start });
      frame();
      frames++;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
})();
</script>
</body></html>
`;
}
