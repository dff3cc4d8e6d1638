import type { Plugin } from 'vite';

/**
 * The entry's stylesheet (antd's sign-in part and ours, ~210 KB) linked so it does not block the
 * first paint: a parser-made `<link rel="stylesheet">` holds the inline skeleton back until the
 * whole file is fetched and parsed. It becomes a preload (fetched at once, at high priority, in
 * its place in the head, so the order of the rules stays), and main.tsx turns it into a stylesheet
 * and waits for it before React draws (renderer/src/app/stylesStart.ts): no unstyled frame.
 * Runs after inlineEntryCss, so only the links too large to inline are left.
 */
export function deferEntryCss(html: string): string {
  return html.replace(/<link rel="stylesheet"([^>]*href="\.\/[^"]+\.css"[^>]*)>/g, '<link rel="preload" as="style" data-kh-style$1>');
}

export function deferredEntryCss(): Plugin {
  return {
    name: 'kehu-deferred-entry-css',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: deferEntryCss },
  };
}
