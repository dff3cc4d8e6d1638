import en from './en.json';
import zhCN from './zh-CN.json';

/**
 * The camera's texts, mounted under `camera` in the default namespace (as the desktop mounts a
 * feature's texts under its word): `i18n.addResourceBundle(lng, 'translation', cameraTexts[lng], true)`.
 */
export const cameraTexts = {
  'zh-CN': { camera: zhCN },
  en: { camera: en },
} as const;
