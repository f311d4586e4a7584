import type { Finding } from '../../src/core/findings';
import { zhCN } from '../../src/i18n/zh-CN';
import { enUS } from '../../src/i18n/en-US';
import { describeRule, groupFindings, placeOf, severityCounts, visibleFindings } from '../../src/taskpane/state/anomalyGroups';

function f(rule: string, severity: Finding['severity'], cell = 'G2'): Finding {
  return { rule, severity, sheet: '发放明细', cell, row: 2, value: 1, allowed: null, message: '' };
}

describe('the 异常清单 grouping', () => {
  const findings = [f('b', 'warning'), f('a', 'info'), f('b', 'error'), f('c', 'warning'), f('a', 'info')];

  it('groups by rule, most severe group first, then in order of first appearance, with counts per severity', () => {
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.rule, g.severity, g.findings.length])).toEqual([
      ['b', 'error', 2],
      ['c', 'warning', 1],
      ['a', 'info', 2],
    ]);
    expect(groups[0].counts).toEqual({ error: 1, warning: 1, info: 0 });
    expect(severityCounts(findings)).toEqual({ error: 1, warning: 2, info: 2 });
  });

  it('the severity toggles filter the findings inside a group, and hand back the same array when nothing is filtered', () => {
    const [b] = groupFindings(findings);
    expect(visibleFindings(b, { error: true, warning: true, info: true })).toBe(b.findings);
    expect(visibleFindings(b, { error: true, warning: true, info: false })).toBe(b.findings);
    expect(visibleFindings(b, { error: false, warning: true, info: true }).map((x) => x.severity)).toEqual(['warning']);
  });

  it('a pack rule is described by its pack, a core rule by the pane’s language, an unknown one not at all', () => {
    expect(describeRule('common-data-quality/required-fields', zhCN)).toContain('每笔发放须有姓名');
    expect(describeRule('self-score-above-computed', zhCN)).toBe('自评得分高于按实际完成值计算的得分。');
    expect(describeRule('self-score-above-computed', enUS)).toContain('self-score is higher');
    expect(describeRule('no-such-rule', zhCN)).toBe('');
    expect(describeRule('toString', zhCN)).toBe('');
  });

  it('a place is written as Excel writes it', () => {
    expect(placeOf({ sheet: '发放明细', cell: 'G10' })).toBe('发放明细!G10');
    expect(placeOf({ sheet: '发放明细', cell: '' })).toBe('发放明细');
  });
});
