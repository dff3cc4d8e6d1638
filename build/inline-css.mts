import type { Plugin } from 'vite';

/** Stylesheets the page links that are smaller than this are inlined. */
const MAX_INLINE = 4096;

/**
 * Inlines the entry's small stylesheet (global.css) into index.html: a linked stylesheet blocks the
 * first paint until it arrives, and the skeleton must paint from the HTML alone.
 */
export function inlineEntryCss(): Plugin {
  return {
    name: 'kehu-inline-entry-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return html;
        return html.replace(/<link rel="stylesheet"[^>]*href="\.\/([^"]+\.css)"[^>]*>/g, (link, file: string) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset' || String(asset.source).length > MAX_INLINE) return link;
          // the file stays: lazy chunks name it among the styles they preload
          return `<style>${String(asset.source)}</style>`;
        });
      },
    },
  };
}
