/**
 * The office server this page comes from (`address:port`) when it is served over the office
 * network (HTTPS on one of the server PC's addresses); null on the PC that holds the archive
 * (its window, its loopback host).
 */
export function servedFrom(): string | null {
  if (typeof window === 'undefined' || window.location.protocol !== 'https:') return null;
  return window.location.host;
}
