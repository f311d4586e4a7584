import { runChecks } from '../../src/core/checks/runChecks';
import { packNames, resolvePacks } from '../../src/core/rules/resolvePacks';
import { syntheticLedger } from './syntheticLedger';

describe('a large ledger', () => {
  it('of 100,000 payments of 增城, each of the 1,000 planted 2,500 元 overpayments breaks its amount standard, and only households with one are flagged', () => {
    const rules = resolvePacks(['gz-zengcheng-2023'], { parameters: { 'gz-monthly-dibao': 1330 } });
    const ledger = syntheticLedger(100_000, 100);
    // Speed and linear growth are measured by `npm run bench`, not asserted here.
    const findings = runChecks(ledger, rules, { year: 2023, packNames: packNames(rules) });
    const byRule = new Map<string, number>();
    for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    // Every 100th row is 2,500 元 over: 季度救助 above 600, emergency grants above 5,000, 慰问金 above 3,000.
    expect(byRule.get('gz-zengcheng-2023/quarterly-band')).toBeGreaterThan(0);
    expect(byRule.get('gz-zengcheng-2023/emergency-band')).toBeGreaterThan(0);
    expect(byRule.get('gz-songwennuan/per-payment-cap')).toBeGreaterThan(0);
    const amountRules = new Set(['gz-zengcheng-2023/quarterly-band', 'gz-zengcheng-2023/emergency-band', 'gz-songwennuan/per-payment-cap']);
    const planted = new Set<number>();
    for (let i = 0; i < ledger.length; i += 100) planted.add(ledger.row[i] + 1);
    const amountRows = findings.filter((f) => amountRules.has(f.rule)).map((f) => f.row);
    expect(new Set(amountRows)).toEqual(planted);
    expect(amountRows).toHaveLength(1000);
    // Household caps flag the crossing payment and later ones, but only in households that were overpaid.
    const overpaid = new Set([...planted].map((r) => ledger.text('household', r - 2)));
    for (const f of findings) expect(overpaid.has(ledger.text('household', f.row - 2))).toBe(true);
    expect(runChecks(syntheticLedger(100_000, 0), rules, { year: 2023, packNames: '' })).toEqual([]);
  });
});
