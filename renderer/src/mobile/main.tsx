import { unstableSetRender } from 'antd-mobile';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { App } from './App';
import { useMobile } from './state';
import { initI18n } from './i18n';
import './mobile.css';

// antd-mobile's Toast / Dialog render through React 19's root API
unstableSetRender((node, container) => {
  const c = container as Element & { _root?: ReturnType<typeof createRoot> };
  c._root ??= createRoot(container);
  c._root.render(node);
  return async () => {
    await Promise.resolve();
    c._root?.unmount();
    delete c._root;
  };
});

initI18n();
// the service worker (scope /m/): the app shell, its chunks and the decoder's wasm work offline. A
// new version waits until the clerk takes it (UpdateBanner): no reload in the middle of counting.
const updateSW = registerSW({
  immediate: true,
  onNeedRefresh() {
    useMobile.setState({ applyUpdate: () => updateSW(true) });
  },
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
