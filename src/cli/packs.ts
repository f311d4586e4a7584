import { listPacks } from '../core/rules/resolvePacks';
import { SCHEMES } from '../core/scoring/scheme';

export function runPacks(): number {
  const out: string[] = ['评分方案（--scheme）：'];
  for (const s of Object.values(SCHEMES)) out.push(`  ${s.id.padEnd(22)} ${s.name}`);
  out.push('', '规则包（--rules，多个用逗号分隔）：');
  for (const p of listPacks()) {
    const includes = p.includes && p.includes.length > 0 ? `（包含 ${p.includes.join('、')}）` : '';
    out.push(`  ${p.id.padEnd(22)} ${p.name}${includes}`, `  ${' '.repeat(22)} 依据：${p.source}；${p.rules.length} 条规则`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
