performance.mark('bench:module-start');

// First: configures zod before any schema exists.
import './config/zod-setup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fkui/design/lib/fkui.min.css';
import './app/styles.css';
import { App, createApp } from './app/app';
import { startEmbeddedBackend } from './app/embedded-backend';
import { StartupError } from './app/startup-error';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
const root = createRoot(container);

// The first page's code starts loading now; the backend must answer before the app's first request.
const runtime = createApp();
const failure = await startEmbeddedBackend();
performance.mark('intyga:backend-ready');
root.render(
  <StrictMode>
    {failure === undefined ? <App runtime={runtime} /> : <StartupError detail={failure} />}
  </StrictMode>,
);
