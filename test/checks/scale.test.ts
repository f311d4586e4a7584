import { runChecks } from '../../src/core/checks/runChecks';
import { packNames, resolvePacks } from '../../src/core/rules/resolvePacks';
import { syntheticLedger } from './syntheticLedger';

describe('a large ledger', () => {
  it('100,000 payments of 增城 are all checked, with the expected findings, without a quadratic pass', () => {
    const rules = resolvePacks(['gz-zengcheng-2023'], { parameters: { 'gz-monthly-dibao': 1330 } });
    const ledger = syntheticLedger(100_000, 100);
    const start = Date.now();
    const findings = runChecks(ledger, rules, { year: 2023, packNames: packNames(rules) });
    // Linear work takes well under a second here; a pass comparing every row with every other would not finish.
    expect(Date.now() - start).toBeLessThan(20_000);
    const byRule = new Map<string, number>();
    for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    // Every 100th row is 2,500 元 over: 季度救助 above 600, emergency grants above 5,000, 慰问金 above 3,000.
    expect(byRule.get('gz-zengcheng-2023/quarterly-band')).toBeGreaterThan(0);
    expect(byRule.get('gz-zengcheng-2023/emergency-band')).toBeGreaterThan(0);
    expect(byRule.get('gz-songwennuan/per-payment-cap')).toBeGreaterThan(0);
    expect(findings.length).toBe([...byRule.values()].reduce((a, b) => a + b, 0));
    expect(runChecks(syntheticLedger(100_000, 0), rules, { year: 2023, packNames: '' })).toEqual([]);
  });
});
