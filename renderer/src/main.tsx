// first: asks the core who is signed in while the modules below evaluate (not in the desktop
// app's launcher: features/network/launch)
import './app/bootStart';
// then: applies the entry's stylesheet, which the build links without blocking the skeleton's paint
import { stylesReady } from './app/stylesStart';
// antd's prebuilt styles (App.tsx turns its runtime style generation off), the sign-in screen's
// part (build/antd-css.mts; the lazy screens load the rest): before ours, which may override them
import 'virtual:antd-first.css';
import './app/global.css';
import { textsReady } from './app/i18nStart';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { firstBoot } from './app/boot';
import { launchBridge } from './features/network/launch/launchBridge';

function render(root: HTMLElement) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

const root = document.getElementById('root');
// the first language's texts (already here for Chinese, one small chunk for English), the core's
// answer to who is signed in and the stylesheet applied: the first render then draws the right
// screen at once, styled, and until then index.html's skeleton stays up
// the desktop app's launcher (first-run choice, a client PC's offline page) when its bridge is there
if (root && launchBridge())
  void Promise.all([import('./features/network/launch/LaunchApp'), textsReady.catch(() => null), stylesReady]).then(([m]) =>
    m.renderLauncher(root),
  );
else if (root) void Promise.all([textsReady.catch(() => null), firstBoot(), stylesReady]).then(render.bind(null, root));
