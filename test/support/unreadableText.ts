/**
 * What a person must never read in the pane, the 异常清单 sheet or the printed report (issue 15): a rule id
 * (the packs' and the core's), an English severity word, or an amount of four or more digits in 元 written
 * without thousands separators.
 */
import { BUILTIN_RULE_NAMES } from '../../src/core/ruleNames';
import { listPacks } from '../../src/core/rules/resolvePacks';

const RULE_IDS = [...listPacks().flatMap((p) => p.rules.map((r) => r.id)), ...Object.keys(BUILTIN_RULE_NAMES)];

/** The offending pieces of `text`, or [] when a reader sees none. */
export function unreadable(text: string): string[] {
  const found = RULE_IDS.filter((id) => text.includes(id));
  const english = /\b(error|warning|info)\b/i.exec(text);
  if (english) found.push(english[0]);
  const amount = /(?<![\d,.])\d{4,}(?:\.\d+)?\s*元/.exec(text);
  if (amount) found.push(amount[0]);
  return found;
}
