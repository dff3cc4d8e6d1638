import i18next from 'i18next';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { CameraScanner } from '../../../../renderer/src/mobile/camera/CameraScanner';
import { cameraTexts } from '../../../../renderer/src/mobile/camera/locales';

// A test page for the camera_decode bench only (never in the app's build): the scanner open full screen,
// the codes it reported listed under it.
const i18n = i18next.createInstance();
i18n.use(initReactI18next).init({
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  resources: { 'zh-CN': { translation: cameraTexts['zh-CN'] }, en: { translation: cameraTexts.en } },
  interpolation: { escapeValue: false },
});

function Harness() {
  const [codes, setCodes] = useState<string[]>([]);
  const [open, setOpen] = useState(true);
  return (
    <>
      <ul aria-label="codes">
        {codes.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a code may repeat; the list only grows
          <li key={i}>{c}</li>
        ))}
      </ul>
      {open ? (
        <CameraScanner onCode={(c) => setCodes((list) => [...list, c])} onClose={() => setOpen(false)} />
      ) : (
        <p>closed</p>
      )}
    </>
  );
}

/**
 * `?bench` (tests/bench/camera.bench.ts): no camera; `cameraBench.run` times the app's reader on
 * a gray frame drawn in a canvas, as the scanner reads a video frame (canvas → pixels → decode).
 */
async function run(grayBase64: string, width: number, height: number, n: number, warmup: number) {
  const { loadCodeReader } = await import('../../../../renderer/src/mobile/camera/decoder');
  const reader = await loadCodeReader();
  const gray = Uint8Array.from(atob(grayBase64), (c) => c.charCodeAt(0));
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < gray.length; i++) rgba.set([gray[i], gray[i], gray[i], 255], i * 4);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.putImageData(new ImageData(rgba, width, height), 0, 0);
  let codes: string[] = [];
  for (let i = 0; i < warmup; i++) codes = await reader.read(canvas);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    codes = await reader.read(canvas);
    ms.push(performance.now() - t0);
  }
  return { kind: reader.kind, codes, ms };
}
(window as unknown as { cameraBench: unknown }).cameraBench = { run };

const root = document.getElementById('root');
if (root && !location.search.includes('bench'))
  createRoot(root).render(
    <I18nextProvider i18n={i18n}>
      <Harness />
    </I18nextProvider>,
  );
