/** The UI languages. Its own file (no zod): the renderer's first chunk reads it at start. */
export const LOCALES = ['zh-CN', 'en'] as const;
