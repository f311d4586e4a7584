/**
 * Issue 16: whatever evaluation the layout generator makes (test/support/layouts: random figures in random
 * layouts), its 自评报告 draft has the eight headings, none of them empty, no `NaN` or `undefined` in any
 * text or table cell, and renders to a .docx whose document.xml says neither.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { runPipeline } from '../../src/core/pipeline';
import { OUTLINE_HEADINGS } from '../../src/core/selfReport/buildSelfReport';
import { draftSelfReport } from '../../src/core/selfReport/draftSelfReport';
import { paragraphText, type SelfReport } from '../../src/core/selfReport/types';
import { selfReportDocx } from '../../src/docx/selfReportDocx';
import { layoutInputs, randomLayout, toSnapshot } from '../support/layouts';

const SEED = 20_261_208;
const BROKEN = /NaN|undefined|Infinity|\[object Object\]/;

function draftOf(seed: number, options: Parameters<typeof randomLayout>[1]): { draft: SelfReport; features: string[] } {
  const layout = randomLayout(seed, options);
  const snapshot = toSnapshot(layout.spec);
  const { report } = runPipeline(snapshot);
  return { draft: draftSelfReport(snapshot, report), features: layout.features };
}

/** Every text the draft shows, each with where it is. */
function textsOf(draft: SelfReport): [string, string][] {
  const out: [string, string][] = [['title', draft.title], ['note', draft.note]];
  for (const s of draft.sections) {
    out.push(['heading', s.heading]);
    for (const b of s.blocks) {
      if (b.kind === 'subheading') out.push([`${s.heading} subheading`, b.text]);
      else if (b.kind === 'paragraph') out.push([`${s.heading} paragraph`, paragraphText(b)]);
      else {
        out.push([`${s.heading} caption`, b.caption]);
        b.header.forEach((h) => out.push([`${b.caption} header`, h]));
        b.rows.forEach((row, r) => row.forEach((cell) => out.push([`${b.caption} row ${r + 1}`, cell])));
        if (b.rows.some((row) => row.length !== b.header.length)) out.push([`${b.caption} shape`, 'NaN: a row of another width']);
      }
    }
  }
  return out;
}

function problems(draft: SelfReport): string[] {
  const out: string[] = [];
  if (draft.sections.map((s) => s.heading).join('|') !== OUTLINE_HEADINGS.join('|')) out.push('headings out of order');
  for (const s of draft.sections) if (s.blocks.length === 0) out.push(`${s.heading} is empty`);
  for (const [where, text] of textsOf(draft)) {
    if (BROKEN.test(text)) out.push(`${where}: ${text}`);
    if ((where === 'heading' || where.endsWith('subheading') || where === 'title') && text.trim() === '') out.push(`${where} is empty`);
  }
  return out;
}

describe('the 自评报告 draft of any generated evaluation', () => {
  test('300 random evaluations in random layouts give eight non-empty sections with no NaN or undefined', () => {
    fc.assert(
      fc.property(layoutInputs(), ([seed, options]) => {
        const { draft, features } = draftOf(seed, options);
        const found = problems(draft);
        if (found.length > 0) throw new Error(`[${features.join(', ') || 'baseline'}]\n  ${found.join('\n  ')}`);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  test('40 of them render to a .docx whose text has no NaN or undefined either', async () => {
    await fc.assert(
      fc.asyncProperty(layoutInputs(), async ([seed, options]) => {
        const { draft } = draftOf(seed, options);
        const files = unzipSync(await selfReportDocx(draft));
        const xml = strFromU8(files['word/document.xml']);
        expect(xml).toContain(draft.title.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
        expect(xml).not.toMatch(BROKEN);
      }),
      { seed: SEED + 1, numRuns: 40 },
    );
  });
});
