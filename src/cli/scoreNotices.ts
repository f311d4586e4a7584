/**
 * What the command line adds to a run's findings: hints that only make sense on the command line (the
 * pane shows the same findings, so they cannot mention CLI options), and options that had no effect.
 */
import type { PipelineResult } from '../core/pipeline';
import { listPacks } from '../core/rules/resolvePacks';

interface ParameterRef {
  id: string;
  label: string;
  unit: string;
}

/** referenceCap rule id → the parameter it needs (月低保标准), over every built-in pack. */
function parameterOfRule(): Map<string, ParameterRef> {
  const params = new Map(listPacks().flatMap((p) => (p.parameters ?? []).map((x) => [x.id, x] as const)));
  const out = new Map<string, ParameterRef>();
  for (const pack of listPacks()) {
    for (const rule of pack.rules) {
      if (rule.kind !== 'referenceCap') continue;
      const p = params.get(rule.parameter);
      out.set(rule.id, { id: rule.parameter, label: p?.label ?? rule.parameter, unit: p?.unit ?? '元' });
    }
  }
  return out;
}

/** A 规则 sheet decides this run's rules: the add-in's own (kept or written now) or one the mapping names. */
export function rulesSheetInUse(result: PipelineResult): boolean {
  return result.patch.state.ownSheets.some((s) => s.role === 'rules') || result.report.mapping.some((m) => m.role === 'rules');
}

/**
 * One line per notice, without the 提示 prefix. `given` is what --param set, by id or label.
 */
export function scoreNotices(
  result: PipelineResult,
  opts: { writeRules?: boolean; parameters?: Record<string, number | null> },
): string[] {
  const notices: string[] = [];
  const sheetInUse = rulesSheetInUse(result);
  const needs = parameterOfRule();
  const seen = new Set<string>();
  for (const f of result.report.findings) {
    const param = needs.get(f.rule);
    // The rule reports a missing parameter once, about the whole ledger (no cell).
    if (!param || f.severity !== 'info' || f.cell !== '' || seen.has(param.id)) continue;
    seen.add(param.id);
    const given = opts.parameters !== undefined && (param.id in opts.parameters || param.label in opts.parameters);
    if (sheetInUse && given) {
      notices.push(`命令行的 --param ${param.label} 没有使用：本次按工作簿中的“规则”表检查，请在该表的参数中填写“${param.label}”。`);
    } else if (!sheetInUse) {
      notices.push(`也可以在命令行设置${param.label}：加 --param ${param.label}=金额（${param.unit}），如 --param ${param.label}=1080；或加 --write-rules 写出“规则”表后在表中填写。`);
    }
  }
  if (opts.writeRules && sheetInUse && !result.patch.sheets.some((s) => s.role === 'rules')) {
    notices.push('工作簿中已有“规则”表，本次按表中的规则检查；--write-rules 没有重写它，以免覆盖表中的修改。');
  }
  if (opts.parameters !== undefined && Object.keys(opts.parameters).length > 0 && !result.patch.state.rules) {
    notices.push('--param 没有使用：本次没有选择规则包，没有检查发放明细。参数属于规则包，请同时用 --rules 选择，如 --rules gz-zengcheng-2023。');
  }
  if (result.report.findings.some((f) => f.rule === 'missing-ledger')) {
    notices.push('如发放明细在某张工作表中未被识别，可用 --mapping 指定，如 [{"sheet":"发放明细","role":"ledger"}]。');
  }
  return notices;
}
