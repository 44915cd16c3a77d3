performance.mark('bench:module-start');

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fkui/design/lib/fkui.min.css';
import './app/styles.css';
import { env } from './config/env';
import { App } from './app/app';
import { StartupError } from './app/startup-error';

async function startMockBackend(): Promise<string | undefined> {
  if (!env.mockBackend) return undefined;
  try {
    const { startMockBackend: start } = await import('../mocks/browser');
    await start();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');
const root = createRoot(container);

const failure = await startMockBackend();
root.render(
  <StrictMode>{failure === undefined ? <App /> : <StartupError detail={failure} />}</StrictMode>,
);
