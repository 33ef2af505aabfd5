// The guide's look, inside its shadow root: nothing of the page's CSS reaches it and nothing leaks out.
// The ring is two-tone, a dark line between two white ones, so it stands out at 3:1 or more on white, on the
// console's blue primary button, on its green flash bar and on its dark mode (test/e2e/aws-guide.test.ts).
export const RING_DARK = '#000716';
export const RING_LIGHT = '#fff';

export const GUIDE_CSS = `
.ring{position:fixed;border:3px solid ${RING_DARK};border-radius:8px;box-shadow:0 0 0 2px ${RING_LIGHT},inset 0 0 0 2px ${RING_LIGHT};outline:0 solid #006ce04d;outline-offset:2px;animation:pulse 1.6s infinite}
.callout{position:fixed;max-width:calc(100vw - 24px);max-height:calc(100vh - 24px);overflow:hidden;box-sizing:border-box;padding:12px 14px;border-radius:8px;background:#0f1b2a;color:#fff;font:14px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.35);pointer-events:none}
.callout[data-tone=error]{border-left:6px solid #ff7a6b}
.callout[data-tone=success]{border-left:6px solid #5fd25f}
.step{color:#ffb84d;font-size:12px;font-weight:600}
.press{font-weight:700}
.title{font-weight:600;margin:2px 0 6px}
ul{margin:4px 0;padding-left:18px}
.row{display:flex;gap:8px;align-items:center;margin:4px 0}
.label{color:#c6d0da}
code{font:12px/1.3 ui-monospace,monospace;background:#23344a;padding:1px 4px;border-radius:3px;overflow-wrap:anywhere}
.copy code{max-height:5.2em;overflow:hidden;display:block;white-space:pre-wrap;flex:1}
button{pointer-events:auto;min-height:24px;min-width:24px;font:600 13px system-ui,sans-serif;border-radius:6px;border:1px solid #ffb84d;background:#ff9900;color:#0f1b2a;padding:4px 10px}
button.quiet{background:transparent;color:#fff;border-color:#8d99a8}
button:focus-visible{outline:2px solid #fff;outline-offset:2px}
.actions{display:flex;gap:8px;justify-content:flex-end;margin-top:8px;flex-wrap:wrap}
@keyframes pulse{50%{outline-width:6px}}
@media (prefers-reduced-motion:reduce){.ring{animation:none}}
`;
