/**
 * 插入模板: a blank 自评表 as a new sheet of the open workbook (绩效自评表, or 绩效自评表2… when taken).
 */
import type { WorkbookHost } from '../core/host';
import { templatePatch } from '../core/output/template';

export interface TemplateOutcome {
  /** The new sheet's name. */
  sheet: string;
}

export async function insertTemplate(host: WorkbookHost): Promise<TemplateOutcome> {
  const patch = templatePatch(await host.read());
  await host.apply(patch);
  return { sheet: patch.newSheets?.[0]?.name ?? '' };
}
