import { SCHEMES } from '../core/scoring/scheme';

export function runPacks(): number {
  const out: string[] = ['评分方案（--scheme）：'];
  for (const s of Object.values(SCHEMES)) out.push(`  ${s.id.padEnd(22)} ${s.name}`);
  out.push('', '规则包（--rules）：发放明细检查将在后续版本提供。');
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
