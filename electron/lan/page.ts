import { createHash } from 'node:crypto';

/**
 * The listener's own small pages (pairing, not paired, the trust page): self-contained HTML in
 * Chinese with English below, outside the app bundle, each with a CSP that admits only its own
 * style and script by their SHA-256 (no 'unsafe-inline', nothing from elsewhere).
 */
export interface StaticPage {
  html: string;
  csp: string;
}

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Text for HTML (element content and quoted attribute values). */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const STYLE = `body{font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:40rem;padding:1.5rem;color:#1f1f1f;background:#f5f5f5}
main{background:#fff;border-radius:8px;padding:1.25rem 1.5rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.35rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:1.4rem 0 .4rem}
.en{color:#666;font-size:.92rem}ol{padding-left:1.4rem}code,.mono{font-family:ui-monospace,Consolas,monospace;word-break:break-all}
input{font:inherit;font-size:1.3rem;letter-spacing:.15em;padding:.4rem .6rem;width:12rem;text-transform:uppercase}
button,.button{font:inherit;padding:.45rem 1.1rem;border:0;border-radius:6px;background:#1677ff;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
#msg{min-height:1.6em;margin-top:.8rem}.error{color:#cf1322}hr{border:0;border-top:1px solid #eee;margin:1.5rem 0}`;

export function staticPage(opts: { title: string; body: string; script?: string }): StaticPage {
  const script = opts.script ? `<script>${opts.script}</script>` : '';
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(opts.title)}</title><style>${STYLE}</style></head><body><main>${opts.body}</main>${script}</body></html>`;
  const scriptSrc = opts.script ? hashOf(opts.script) : "'none'";
  const csp =
    `default-src 'none'; script-src ${scriptSrc}; style-src ${hashOf(STYLE)}; connect-src 'self'; img-src 'none'; ` +
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  return { html, csp };
}
