/**
 * Rules after resolving includes (规则包包含): what the checks run and what the 规则 sheet shows.
 */
import type { Category, Parameter, Rule } from './packSchema';

export interface ResolvedRule {
  rule: Rule;
  /** The pack the rule comes from. */
  pack: string;
  /** That pack's source document, cited in messages. */
  source: string;
  /**
   * Categories this rule no longer covers because an including pack sets its own per-payment standard
   * for them (增城's 紧急救助 band replaces 广州's 3,000 元/人/次 for 紧急救助 only).
   */
  except: string[];
  enabled: boolean;
}

export interface ResolvedCategory extends Category {
  pack: string;
}

export interface ResolvedParameter extends Parameter {
  pack: string;
}

export interface ResolvedRules {
  /** The pack ids asked for, in order (what the 规则 sheet stores to resolve again). */
  requested: string[];
  /** Every pack taking part, including packs, first the most specific. */
  packs: string[];
  /** Rules of the most specific pack first. */
  rules: ResolvedRule[];
  categories: ResolvedCategory[];
  parameters: ResolvedParameter[];
}
