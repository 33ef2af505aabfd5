/** @jsxImportSource react */
// Entry of the IAM console replica: current Cloudscape console, or the 2016 console (variant "legacy").
import React from 'react';
import { createRoot } from 'react-dom/client';
import { config } from './page';
import { startRecording } from './record';
import './replica.css';

declare global {
  interface Window {
    __REPLICA_REACT_VERSION__?: string;
  }
}

// Lets a test prove the page runs real React (not preact/compat), as the console does.
window.__REPLICA_REACT_VERSION__ = React.version;
// Before the console renders: every value that reaches a control, from the first.
startRecording();

async function boot() {
  const root = createRoot(document.getElementById('root')!);
  if (config.aws.variant === 'legacy') {
    const { LegacyConsole } = await import('./legacy/LegacyApp');
    root.render(<LegacyConsole />);
  } else {
    await import('@cloudscape-design/global-styles/index.css');
    const { CurrentConsole } = await import('./current/App');
    root.render(<CurrentConsole />);
  }
}

void boot();
