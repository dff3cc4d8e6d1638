import { describe, expect, it } from 'vitest';
import { deferEntryCss } from '../../../build/deferred-css.mjs';

// Issue 14 (goal 5): the entry's stylesheet must not block the skeleton's first paint. The build
// links it as a preload in its place; main.tsx (app/stylesStart.ts) makes it a stylesheet.
describe('the entry stylesheet linked without blocking the first paint', () => {
  const html = [
    '<head><style>.kh-auth{}</style>',
    '<link rel="modulepreload" crossorigin href="./assets/vendor-react-A.js">',
    '<link rel="stylesheet" crossorigin href="./assets/index-B.css">',
    '</head>',
  ].join('\n');

  it('turns the stylesheet link into a marked style preload, in the same place', () => {
    const out = deferEntryCss(html);
    expect(out).not.toContain('rel="stylesheet"');
    expect(out).toContain('<link rel="preload" as="style" data-kh-style crossorigin href="./assets/index-B.css">');
    expect(out.indexOf('index-B.css')).toBeGreaterThan(out.indexOf('vendor-react-A.js'));
  });

  it('leaves the other links as they are', () => {
    expect(deferEntryCss(html)).toContain('<link rel="modulepreload" crossorigin href="./assets/vendor-react-A.js">');
  });
});
