import './app/global.css';
import { textsReady } from './app/i18nStart';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

function render(root: HTMLElement) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
// the first language's texts: already here for Chinese, one small chunk for English
if (root) void textsReady.catch(() => null).then(render.bind(null, root));
