/**
 * jixiao command line (SPEC §7). Exit 0: scored; 2: the input cannot be scored (a Chinese message on
 * stderr, no stack trace); 1: an internal error.
 */
import { Command, CommanderError } from 'commander';
// Columns in a terminal: Chinese characters and full-width punctuation take two, so the help's
// descriptions line up after terms such as `[选项]` (string-width 4, CommonJS, MIT).
import stringWidth from 'string-width';
// The commands that read or write a workbook are imported when run, so `packs` and `--help` never load
// ExcelJS (in the bundle they are a separate chunk: scripts/buildCli.mjs).
import { runPacks } from './packs';
import { UserInputError } from './userInputError';
import { usageMessage } from './usageMessage';
import { withQuietConsole } from './quietConsole';
import type { ReportCliOptions } from './report';

/** Commander's help headings, in Chinese. */
const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Arguments:': '参数：',
  'Commands:': '命令：',
  'Global Options:': '全局选项：',
};

function helpTitle(title: string): string {
  return HELP_TITLES[title] ?? title;
}

/** `score [options] <workbook>` → `score [选项] <workbook>`. */
function helpPlaceholders(usage: string): string {
  return usage.replace('[options]', '[选项]').replace('[command]', '[命令]');
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('jixiao')
    .description('绩效评价助手：为项目支出绩效自评表评分，检查发放明细')
    .exitOverride()
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [command]', '显示命令的帮助')
    // Inherited by every command below: the help reads in Chinese throughout, headings included.
    .configureHelp({ styleTitle: helpTitle, styleUsage: helpPlaceholders, styleSubcommandTerm: helpPlaceholders, displayWidth: stringWidth })
    // Commander's English error line is replaced by the Chinese one main() prints from the error's code.
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: () => undefined });

  let exitCode = 0;
  program
    .command('score')
    .description('为工作簿评分，写出带“绩效目标”评分表的副本（从不修改原文件）')
    .argument('<workbook>', '要评分的 .xlsx 工作簿')
    .option('--rules <ids>', '规则包，多个用逗号分隔（见 packs）')
    .option('--write-rules', '把所选规则包写成可编辑的“规则”工作表')
    .option('--param <name=value...>', '规则包参数，如 月低保标准=1080（可多次）')
    .option('--year <year>', '评价年度（默认取发放明细中最多的发放年份）')
    .option('--scheme <id>', '评分方案（见 packs）', undefined)
    .option('--mapping <file>', '表格映射文件（JSON）')
    .option('--out <file>', '写出评分后的工作簿')
    .option('--json <file>', '写出 JSON 报告')
    .option('--quiet', '不在终端打印结果')
    .action(async (workbook: string, opts: ScoreCliOptions) => {
      exitCode = await (await import('./score')).runScore(workbook, opts);
    });
  program
    .command('report')
    .description('为工作簿评分，写出绩效自评报告草稿（Word 文档，按财预〔2020〕10号提纲）')
    .argument('<workbook>', '要评分的 .xlsx 工作簿')
    .requiredOption('--out <file>', '写出的报告 .docx 文件')
    .option('--rules <ids>', '规则包，多个用逗号分隔（见 packs）')
    .option('--scheme <id>', '评分方案（见 packs）', undefined)
    .option('--quiet', '不在终端打印结果')
    .action(async (workbook: string, opts: ReportCliOptions) => {
      exitCode = await (await import('./report')).runReport(workbook, opts);
    });
  program
    .command('template')
    .description('写出空白的项目支出绩效自评表模板')
    .argument('<out>', '输出 .xlsx 文件')
    .action(async (out: string) => {
      exitCode = await (await import('./template')).runTemplate(out);
    });
  program
    .command('clear')
    .description('清除标记：恢复被标记单元格原有的填充和批注，写出副本')
    .argument('<workbook>', '评分后的 .xlsx 工作簿')
    .requiredOption('--out <file>', '写出清除标记后的工作簿')
    .action(async (workbook: string, opts: { out: string }) => {
      exitCode = await (await import('./clear')).runClear(workbook, opts.out);
    });
  program
    .command('packs')
    .description('列出可用的规则包和评分方案')
    .action(() => {
      exitCode = runPacks();
    });

  try {
    await withQuietConsole(() => program.parseAsync(argv, { from: 'user' }));
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      const message = usageMessage(e, program, argv);
      if (message === null) return 0;
      process.stderr.write(`${message}\n`);
      return 2;
    }
    if (e instanceof UserInputError) {
      process.stderr.write(`${e.message}\n`);
      // What the library said (English, for a developer) only on request.
      if (process.env.JIXIAO_DEBUG && e.cause !== undefined) process.stderr.write(`调试信息：${debugText(e.cause)}\n`);
      return 2;
    }
    process.stderr.write(`内部错误：${e instanceof Error ? e.message : String(e)}\n请将此信息和工作簿反馈给开发者。\n`);
    if (process.env.JIXIAO_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}

/** A stack when there is one (errors from Node or a library may come from another realm). */
function debugText(cause: unknown): string {
  const stack = typeof cause === 'object' && cause !== null ? (cause as { stack?: unknown }).stack : undefined;
  return typeof stack === 'string' ? stack : String(cause);
}

export interface ScoreCliOptions {
  rules?: string;
  writeRules?: boolean;
  param?: string[];
  year?: string;
  scheme?: string;
  mapping?: string;
  out?: string;
  json?: string;
  quiet?: boolean;
}
