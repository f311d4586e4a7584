/**
 * Every rule kind, in the order the checks run them. Adding a kind: one file in this folder
 * (checks/kinds/ruleKind.ts says what it holds) and one line in `BUILTIN_KINDS`. Tests may add a kind
 * at run time with `registerKind`; packs and the 规则 sheet then accept it like a built-in one.
 */
import { z } from 'zod';
import { amountBand } from './amountBand';
import { dateInYear } from './dateInYear';
import { duplicates } from './duplicates';
import { idChecksum } from './idChecksum';
import { inKindCap } from './inKindCap';
import { periodCount } from './periodCount';
import { periodSum } from './periodSum';
import { positiveAmount } from './positiveAmount';
import { quarterSpacing } from './quarterSpacing';
import { referenceCap } from './referenceCap';
import { requiredFields } from './requiredFields';
import type { RuleBase, RuleKindDefinition, RuleOfDefinition } from './ruleKind';
import { workingDays } from './workingDays';

const BUILTIN_KINDS = [
  amountBand,
  periodSum,
  periodCount,
  quarterSpacing,
  inKindCap,
  referenceCap,
  workingDays,
  requiredFields,
  duplicates,
  idChecksum,
  dateInYear,
  positiveAmount,
] as const;

/** A rule of a pack, of any built-in kind. */
export type Rule = RuleOfDefinition<(typeof BUILTIN_KINDS)[number]>;
export type RuleKind = Rule['kind'];
export type RuleOf<K extends RuleKind> = Extract<Rule, { kind: K }>;

// Methods are compared bivariantly, so a kind of any rule type is stored as a kind of every rule.
type AnyKind = RuleKindDefinition<RuleBase>;

const kinds = new Map<string, AnyKind>(BUILTIN_KINDS.map((k) => [k.kind, k as unknown as AnyKind]));
let schema: z.ZodType<Rule> | null = null;

/** Adds a kind (a test's toy kind); its rules are then validated, checked and written like the others. */
export function registerKind<R extends RuleBase>(kind: RuleKindDefinition<R>): void {
  if (kinds.has(kind.kind)) throw new Error(`rule kind ${kind.kind} is already registered`);
  kinds.set(kind.kind, kind as unknown as AnyKind);
  schema = null;
}

/** The kinds, built-in ones first, in the order their checks run. */
export function ruleKinds(): readonly AnyKind[] {
  return [...kinds.values()];
}

/** The kind of a rule (every validated rule has one). */
export function kindOf(rule: { kind: string }): AnyKind {
  const k = kinds.get(rule.kind);
  if (!k) throw new Error(`unknown rule kind ${rule.kind}`);
  return k;
}

/** A rule of any registered kind, told apart by `kind`. */
export function ruleSchema(): z.ZodType<Rule> {
  if (schema) return schema;
  const options = ruleKinds().map((k) => k.schema) as unknown as [z.ZodObject, ...z.ZodObject[]];
  schema = z.discriminatedUnion('kind', options) as unknown as z.ZodType<Rule>;
  return schema;
}
