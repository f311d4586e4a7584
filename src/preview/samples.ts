/**
 * The sample workbooks the preview offers (examples/*.xlsx, bundled as files beside the page). A sample
 * with a ledger comes with its rule pack remembered in the workbook's state, as if an officer had
 * chosen it on an earlier run, so 评分 checks the ledger straight away; the pane shows the pack ticked.
 */
import kunmingUrl from '../../examples/kunming-2019-self-evaluation.xlsx';
import kunmingSubtotalUrl from '../../examples/kunming-2019-subtotal-rows.xlsx';
import wuhuaUrl from '../../examples/wuhua-2023-separate-sheets.xlsx';
import zengchengUrl from '../../examples/zengcheng-2023-index-system.xlsx';
import { readState, writeState } from '../hosts/xlsx/stateSheet';
import { PreviewHost } from './previewHost';

export interface Sample {
  id: string;
  file: string;
  url: string;
  label: { 'zh-CN': string; 'en-US': string };
  /** Rule packs remembered in the workbook when it opens. */
  rules?: string[];
}

export const SAMPLES: readonly Sample[] = [
  {
    id: 'kunming-2019',
    file: 'kunming-2019-self-evaluation.xlsx',
    url: kunmingUrl,
    label: { 'zh-CN': '昆明 2019 项目支出绩效自评表', 'en-US': 'Kunming 2019 self-evaluation' },
  },
  {
    id: 'kunming-2019-subtotals',
    file: 'kunming-2019-subtotal-rows.xlsx',
    url: kunmingSubtotalUrl,
    label: { 'zh-CN': '昆明 2019 自评表（小计行分级）', 'en-US': 'Kunming 2019, hierarchy by subtotal rows' },
  },
  {
    id: 'zengcheng-2023',
    file: 'zengcheng-2023-index-system.xlsx',
    url: zengchengUrl,
    label: { 'zh-CN': '增城 2023 评价指标体系 + 发放明细', 'en-US': 'Zengcheng 2023 index system + ledger' },
    rules: ['gz-zengcheng-2023'],
  },
  {
    id: 'wuhua-2023',
    file: 'wuhua-2023-separate-sheets.xlsx',
    url: wuhuaUrl,
    label: { 'zh-CN': '五华 2023 分表填报 + 发放明细', 'en-US': 'Wuhua 2023 separate sheets + ledger' },
    rules: ['km-wuhua-2023'],
  },
];

export const DEFAULT_SAMPLE = SAMPLES[0];

/** `rememberRules: false` opens the workbook as the officer first does: no pack chosen yet. */
export async function openSample(sample: Sample, rememberRules = true): Promise<PreviewHost> {
  // Same origin as the page: the CSP allows nothing else.
  const response = await fetch(sample.url);
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  const host = await PreviewHost.fromBuffer(await response.arrayBuffer(), sample.file);
  if (rememberRules && sample.rules && !readState(host.workbook)) {
    writeState(host.workbook, { version: 1, ownSheets: [], rules: sample.rules });
  }
  return host;
}
