import { runCli } from './runCli';

const KUNMING = 'examples/kunming-2019-self-evaluation.xlsx';

/** Commander's own errors, which used to print as `error: missing required argument 'workbook'`. */
describe('a mistyped command line is answered in Chinese, naming what is wrong and where the help is (exit 2)', () => {
  const cases: [string, string[], string][] = [
    ['the workbook is left out', ['score'], '缺少参数 <workbook>：要评分的 .xlsx 工作簿。查看用法：npm run --silent cli -- score --help'],
    ['clear without --out', ['clear', KUNMING], '缺少必需的选项 --out <file>：写出清除标记后的工作簿。查看用法：npm run --silent cli -- clear --help'],
    ['--out with no file name', ['clear', KUNMING, '--out'], '选项 --out 缺少取值，应写成 --out <file>：写出清除标记后的工作簿。查看用法：npm run --silent cli -- clear --help'],
    ['an unknown command', ['frobnicate'], '未知的命令“frobnicate”。可用命令：score、report、template、clear、packs。查看用法：npm run --silent cli -- --help'],
    ['a misspelt command', ['scor', KUNMING], '未知的命令“scor”。可用命令：score、report、template、clear、packs。是否想用 score？查看用法：npm run --silent cli -- --help'],
    ['an unknown option', ['score', KUNMING, '--frob'], '命令 score 没有选项“--frob”。查看用法：npm run --silent cli -- score --help'],
    ['a misspelt option', ['score', KUNMING, '--rule', 'gz-zengcheng-2023'], '命令 score 没有选项“--rule”。是否想用 --rules？查看用法：npm run --silent cli -- score --help'],
    ['a file name with a space, unquoted', ['score', '2023', '自评表.xlsx'], '参数过多：命令 score 只接受 <workbook>。文件名中有空格时请用引号括起来。查看用法：npm run --silent cli -- score --help'],
  ];

  test.each(cases)('%s', async (_what, args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${message}\n`);
    expect(r.err).not.toMatch(/error:|missing|unknown|required|\bat .*:\d+/);
    expect(r.out).toBe('');
  });

  test('--rules with no value lists the packs to choose from', async () => {
    const r = await runCli(['score', KUNMING, '--rules']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('选项 --rules 缺少取值，应写成 --rules <ids>：规则包，多个用逗号分隔（见 packs）。可用规则包：gz-songwennuan、gz-zengcheng-2023、');
  });

  test('help is still shown, all in Chinese, headings and placeholders included, with exit 0', async () => {
    const r = await runCli(['score', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法： jixiao score [选项] <workbook>');
    expect(r.out).toContain('参数：\n  workbook                 要评分的 .xlsx 工作簿');
    expect(r.out).toContain('选项：\n  --rules <ids>            规则包');
    expect(r.out).toContain('-h, --help               显示帮助');
    expect(r.out).not.toMatch(/Usage|Options|Arguments|\[options\]/);
    expect(r.err).toBe('');
  });

  test('the command list lines up its descriptions although some terms hold Chinese (two columns each)', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('命令：\n');
    expect(r.out).not.toMatch(/Usage|Commands|\[command\]/);
    const column = (term: string): number => {
      const line = r.out.split('\n').find((l) => l.startsWith(`  ${term}`)) as string;
      const rest = line.slice(2 + term.length);
      const pad = rest.length - rest.trimStart().length;
      // Terminal columns before the description: ASCII one each, 选项 and 命令 two each.
      return 2 + [...term].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0) + pad;
    };
    expect(column('score [选项] <workbook>')).toBe(column('packs'));
    expect(column('help [命令]')).toBe(column('template <out>'));
  });
});
