/**
 * The three levels of a qualitative indicator (SPEC §4), from the words evaluators write.
 */
import { normalizeName } from './text';

export type Level = 'achieved' | 'partial' | 'notAchieved';

const LABELS: Record<Level, string> = {
  achieved: '达成年度指标',
  partial: '部分达成年度指标并具有一定效果',
  notAchieved: '未达成年度指标且效果较差',
};

/**
 * Accepted words per level, compared after normalizeName (so spaces and punctuation do not matter). The
 * whole text must be one of them: `未达成` and `部分达成` contain `达成` but are looked up as themselves, and a
 * sentence that merely mentions 完成 is not a level.
 */
const WORDS: Record<Level, readonly string[]> = {
  achieved: [
    '达成年度指标', '已达成年度指标', '达成', '已达成', '完成', '已完成', '全部完成', '已全部完成',
    '优', '优秀',
  ],
  partial: [
    '部分达成年度指标并具有一定效果', '部分达成年度指标', '部分达成', '基本达成', '基本完成', '部分完成',
    '良', '良好', '中',
  ],
  notAchieved: [
    '未达成年度指标且效果较差', '未达成年度指标', '未达成', '未完成', '未达到', '没有完成', '差', '较差',
  ],
};

const LOOKUP: ReadonlyMap<string, Level> = new Map(
  (Object.keys(WORDS) as Level[]).flatMap((level) => WORDS[level].map((w) => [normalizeName(w), level] as const)),
);

/**
 * The level an evaluator's word names: 达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差,
 * the short forms 达成 / 部分达成 / 未达成, 已完成 / 完成 → achieved, 基本完成 / 基本达成 → partial,
 * 未完成 → notAchieved, and grades 优 → achieved, 良 / 中 → partial, 差 → notAchieved. Anything else → null.
 */
export function parseLevel(text: string): Level | null {
  return LOOKUP.get(normalizeName(text)) ?? null;
}

/** The full Chinese wording of a level, as the 自评表 writes it. */
export function levelLabel(level: Level): string {
  return LABELS[level];
}
