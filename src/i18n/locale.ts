import { enUS } from './en-US';
import type { Locale, Messages } from './messages';
import { zhCN } from './zh-CN';

export type { CoreRule, Locale, Messages, RoleChoice } from './messages';

export function messagesFor(locale: Locale): Messages {
  return locale === 'en-US' ? enUS : zhCN;
}

/** Office's display language (`en-US`, `zh-CN`, `en-GB` …) to a pane locale: English for any `en`, Chinese otherwise. */
export function localeFromDisplayLanguage(displayLanguage: string | null | undefined): Locale {
  return displayLanguage && displayLanguage.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}
