// The guide's look, inside its shadow root: nothing of the page's CSS reaches it and nothing leaks out.
export const GUIDE_CSS = `
:host{all:initial;position:fixed;inset:0;pointer-events:none;z-index:2147483646}
.ring{position:fixed;border:3px solid #ff9900;border-radius:8px;box-shadow:0 0 0 4px rgba(255,153,0,.35);pointer-events:none;animation:pulse 1.6s ease-in-out infinite}
.callout{position:fixed;max-width:360px;box-sizing:border-box;padding:12px 14px;border-radius:8px;background:#0f1b2a;color:#fff;font:14px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.35);pointer-events:none}
.callout[data-tone="error"]{border-left:6px solid #d13212}
.callout[data-tone="success"]{border-left:6px solid #1d8102}
.step{color:#ffb84d;font-size:12px;font-weight:600;letter-spacing:.02em}
.title{font-weight:600;margin:2px 0 6px}
ul{margin:4px 0;padding-left:18px}
li{margin:2px 0}
.row{display:flex;gap:8px;align-items:center;margin:4px 0}
.label{color:#c6d0da}
code{font:12px/1.3 ui-monospace,monospace;background:#23344a;padding:1px 4px;border-radius:3px;word-break:break-all}
.copy code{max-height:5.2em;overflow:hidden;display:block;white-space:pre-wrap;flex:1}
button{pointer-events:auto;font:600 13px system-ui,sans-serif;border-radius:6px;border:1px solid #ffb84d;background:#ff9900;color:#0f1b2a;padding:4px 10px;cursor:pointer}
button.quiet{background:transparent;color:#fff;border-color:#5f6b7a}
button:focus-visible{outline:2px solid #fff;outline-offset:2px}
.actions{display:flex;gap:8px;justify-content:flex-end;margin-top:8px;flex-wrap:wrap}
@keyframes pulse{50%{box-shadow:0 0 0 9px rgba(255,153,0,.12)}}
@media (prefers-reduced-motion:reduce){.ring{animation:none}*{transition:none !important}}
`;
