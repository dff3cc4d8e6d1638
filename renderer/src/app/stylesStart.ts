/**
 * The entry's stylesheet, linked by the build as a preload so the skeleton paints without waiting
 * for it (build/deferred-css.mts): made a stylesheet here, as the first scripts run, and
 * `stylesReady` settles once it is applied. main.tsx renders after it, so antd's components never
 * show unstyled. In development (no such link: Vite injects the styles with the modules) it is
 * settled at once. A stylesheet that fails to load does not hold the app back.
 */
function applyStyles(): Promise<void> {
  const links = [...document.querySelectorAll<HTMLLinkElement>('link[data-kh-style]')];
  return Promise.all(
    links.map(
      (link) =>
        new Promise<void>((resolve) => {
          link.addEventListener('load', () => resolve(), { once: true });
          link.addEventListener('error', () => resolve(), { once: true });
          link.rel = 'stylesheet';
        }),
    ),
  ).then(() => undefined);
}

export const stylesReady = applyStyles();
