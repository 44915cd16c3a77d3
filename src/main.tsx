performance.mark('bench:module-start');

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fkui/design/lib/fkui.min.css';
import './app/styles.css';
import { App } from './app/app';
import { startEmbeddedBackend } from './app/embedded-backend';
import { StartupError } from './app/startup-error';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
const root = createRoot(container);

// The backend must answer before the app's first request.
const failure = await startEmbeddedBackend();
root.render(
  <StrictMode>{failure === undefined ? <App /> : <StartupError detail={failure} />}</StrictMode>,
);
