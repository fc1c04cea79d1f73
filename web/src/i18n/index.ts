import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '@fulcrum/shared';
import { zhCN } from './zh-CN.ts';
import { enUS } from './en-US.ts';

const STORAGE_KEY = 'fulcrum.locale';

/** The language before sign-in: the last one chosen on this device, else Chinese. */
export function storedLocale(): Locale {
  return typeof localStorage !== 'undefined' && localStorage.getItem(STORAGE_KEY) === 'en-US' ? 'en-US' : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: storedLocale(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});

export function applyLocale(locale: Locale) {
  localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}

export { i18n };

type Texts = { [key: string]: string | Texts };

/**
 * A feature's own strings, in both languages with the same keys (the type insists), added under
 * `namespace` so features never edit each other's dictionaries: `t('organisations.list.title')`.
 */
export function defineTexts<T extends Texts>(namespace: string, zh: T, en: T): { namespace: string; zh: T; en: T } {
  i18n.addResourceBundle('zh-CN', 'translation', { [namespace]: zh }, true, true);
  i18n.addResourceBundle('en-US', 'translation', { [namespace]: en }, true, true);
  return { namespace, zh, en };
}
