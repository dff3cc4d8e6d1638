/**
 * A client PC's window title: the page's own title and the server it is connected to
 * (客户管理 — 已连接到 192.168.1.10:5443), in the page's language (its `<html lang>`).
 * Main-process text, so both languages are here (as electron/lan/pair-page.ts has them).
 */
const CONNECTED_TO: Record<string, string> = {
  'zh-CN': '已连接到 {server}',
  en: 'Connected to {server}',
};

export function clientWindowTitle(pageTitle: string, server: string, lang: string): string {
  const text = (CONNECTED_TO[lang] ?? CONNECTED_TO['zh-CN']).replace('{server}', server);
  const page = pageTitle.trim();
  return page && !/^https?:/.test(page) ? `${page} — ${text}` : text;
}
