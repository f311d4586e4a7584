/**
 * The pane says the unit's self-reported total is too high exactly when the scoring made that finding
 * (with the scheme's tolerance), never by comparing the figures again.
 */
import { readFile } from 'node:fs/promises';
import { selfTotalFinding } from '../../src/core/report/selfTotalFinding';
import { SCHEMES } from '../../src/core/scoring/scheme';
import { scoreBytes } from '../e2e/scoreWorkbook';

describe('the self-reported total against the computed one', () => {
  it('昆明 2019 reported 100 against a computed 97.54: the total finding is found, not an indicator one', async () => {
    const { report } = await scoreBytes(await readFile('examples/kunming-2019-self-evaluation.xlsx'));
    const found = selfTotalFinding(report);
    expect(found).toMatchObject({ rule: 'self-score-above-computed', value: 100, allowed: '≤97.54' });
    expect(found!.message).toContain('自评总得分 100.00 分，按表中实际完成值计算为 97.54 分，自评偏高 2.46 分');

    // Without the total's finding there is nothing to show, whatever the indicators' own findings say.
    const withoutIt = { ...report, findings: report.findings.filter((f) => f !== found) };
    expect(selfTotalFinding(withoutIt)).toBeNull();
  });

  it('every scheme allows a self-score one hundredth above the computed one, for rounding only', () => {
    for (const scheme of Object.values(SCHEMES)) expect([scheme.id, scheme.selfScoreTolerance]).toEqual([scheme.id, 0.01]);
  });
});
