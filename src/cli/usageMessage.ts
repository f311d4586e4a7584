/**
 * Commander's own errors (a missing argument, an unknown option …) in Chinese. Commander hands the
 * exitOverride callback a CommanderError whose `code` says what went wrong; its English `message` is used
 * only for the name it quotes (`'workbook'`, `'--out <file>'`), never shown as it is.
 */
import type { Argument, Command, CommanderError, Option } from 'commander';
import { listPacks } from '../core/rules/resolvePacks';
import { SCHEMES } from '../core/scoring/scheme';

/** How the README runs the command line; every message ends by pointing there. */
const INVOKE = 'npm run --silent cli --';

/** The quoted names in commander's message, in order: `unknown option '--frob'` → ['--frob']. */
function quoted(message: string): string[] {
  return [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]);
}

function helpHint(command: Command | undefined): string {
  return command ? `查看用法：${INVOKE} ${command.name()} --help` : `查看用法：${INVOKE} --help`;
}

/** `<workbook>：要评分的 .xlsx 工作簿` — the name as help shows it, and its description from help. */
function argumentText(command: Command | undefined, name: string): string {
  const arg: Argument | undefined = command?.registeredArguments.find((a) => a.name() === name);
  return arg?.description ? `<${name}>：${arg.description}` : `<${name}>`;
}

function optionText(command: Command | undefined, flags: string): string {
  const option: Option | undefined = command?.options.find((o) => o.flags === flags);
  return option?.description ? `${flags}：${option.description}` : flags;
}

/** For the options that take an id, the ids there are, so the officer need not look them up. */
function choices(flags: string): string {
  if (flags.startsWith('--rules')) return `可用规则包：${listPacks().map((p) => p.id).join('、')}。`;
  if (flags.startsWith('--scheme')) return `可用方案：${Object.keys(SCHEMES).join('、')}。`;
  return '';
}

/**
 * The Chinese message for a usage error, or null when `error` is not one (help or version was shown).
 * `argv` is what the user typed after the program name; its first word picks the subcommand.
 */
export function usageMessage(error: CommanderError, program: Command, argv: readonly string[]): string | null {
  if (error.exitCode === 0) return null;
  const command = program.commands.find((c) => c.name() === argv[0]);
  const names = quoted(error.message);
  const commands = program.commands.map((c) => c.name()).filter((n) => n !== 'help');
  const suggestion = /Did you mean (?:one of )?([^?]+)\?/.exec(error.message)?.[1];
  const didYouMean = suggestion ? `是否想用 ${suggestion.trim()}？` : '';
  switch (error.code) {
    case 'commander.missingArgument':
      return `缺少参数 ${argumentText(command, names[0] ?? '')}。${helpHint(command)}`;
    case 'commander.optionMissingArgument':
      return `选项 ${(names[0] ?? '').split(/[ ,]/)[0]} 缺少取值，应写成 ${optionText(command, names[0] ?? '')}。${choices(names[0] ?? '')}${helpHint(command)}`;
    case 'commander.missingMandatoryOptionValue':
      return `缺少必需的选项 ${optionText(command, names[0] ?? '')}。${helpHint(command)}`;
    case 'commander.unknownCommand':
      return `未知的命令“${names[0] ?? argv[0] ?? ''}”。可用命令：${commands.join('、')}。${didYouMean}${helpHint(undefined)}`;
    case 'commander.unknownOption':
      return `${command ? `命令 ${command.name()} 没有` : '未知的'}选项“${names[0] ?? ''}”。${didYouMean}${helpHint(command)}`;
    case 'commander.excessArguments': {
      const expected = command?.registeredArguments.map((a) => `<${a.name()}>`).join(' ') ?? '';
      return `参数过多：${command ? `命令 ${command.name()} 只接受 ${expected || '0 个参数'}` : '多余的参数'}。文件名中有空格时请用引号括起来。${helpHint(command)}`;
    }
    case 'commander.help':
      // Run without a command: the help text was just written to stderr.
      return `请指定命令：${commands.join('、')}。`;
    default:
      return `命令行参数有误（${error.message.replace(/^error:\s*/, '')}）。${helpHint(command)}`;
  }
}
