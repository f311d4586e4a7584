/**
 * Bundles for the add-in and the browser preview.
 *
 *   taskpane.html  the task pane inside Excel (src/taskpane/office.tsx) — loads office.js from Microsoft's CDN
 *   commands.html  the ribbon's 评分 function command (src/commands/commands.ts) — loads office.js likewise
 *   preview.html   the same pane on an in-browser xlsx host (src/preview/main.tsx) — no office.js and no
 *                  request that leaves the page's own origin (a Content-Security-Policy says so)
 *
 * `npm run build` (production) writes dist/ with manifest.xml's https://localhost:3000 replaced by
 * JIXIAO_PUBLIC_URL (default https://jixiao.example.org/). `npm run dev-server` serves the same pages on
 * https://localhost:3000 with office-addin-dev-certs' certificate, or on plain http when no certificate
 * can be installed (Linux without a CA store); Excel needs https, the preview does not.
 *
 * ExcelJS belongs to the preview only: test/browser checks that neither the taskpane nor the commands
 * bundle contains exceljs or src/hosts/xlsx.
 *
 * Called by webpack-cli as `(env, argv)`, and by tests and bench/bundles.ts through the Node API with
 * `{ outputPath }` in env.
 */
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');

const DEV_ORIGIN = 'https://localhost:3000';
const DEV_PORT = 3000;
const DEFAULT_PUBLIC_URL = 'https://jixiao.example.org/';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The production base URL, always ending in `/`. */
function publicUrl(value = process.env.JIXIAO_PUBLIC_URL) {
  const raw = value && value.trim() ? value.trim() : DEFAULT_PUBLIC_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`JIXIAO_PUBLIC_URL is not a URL: ${raw}`);
  }
  // Office loads add-ins over https only.
  if (url.protocol !== 'https:') throw new Error(`JIXIAO_PUBLIC_URL must be https: ${raw}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * The manifest for a deployment at `base`: every https://localhost:3000/… URL becomes base + …, and the
 * bare origin (AppDomain) becomes base's origin.
 */
function manifestFor(xml, base) {
  const origin = new URL(base).origin;
  return xml.split(`${DEV_ORIGIN}/`).join(base).split(DEV_ORIGIN).join(origin);
}

/**
 * The preview may talk to its own origin only (and blob:/data: for the downloaded copy and images).
 * Fluent UI inserts its styles at run time, hence 'unsafe-inline' for styles; scripts stay 'self'.
 */
function previewCsp(dev) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The dev server's live reload talks over a websocket to the same host.
    `connect-src 'self' data: blob:${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Every page fills its frame: no 8 px body margin (a white frame around the dark pane in Excel's dark
 * theme, and a vertical scroll bar that never went away under the pane's 100vh).
 */
/** The worker's entry and file name, fixed so the pages can start it by name. */
const WORKER_ENTRY = 'pipeline-worker';

const BASE_STYLE = '<style>html,body{margin:0;padding:0;height:100%}body{overflow-x:hidden;overflow-y:auto}</style>';

function page({ filename, chunk, title, lang = 'zh-CN', head = '', body }) {
  return new HtmlWebpackPlugin({
    filename,
    chunks: [chunk],
    inject: 'head',
    scriptLoading: 'defer',
    templateContent: `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="icon" type="image/png" href="assets/icon-32.png">
  ${BASE_STYLE}
  ${head}
</head>
<body>
  ${body}
</body>
</html>
`,
  });
}

/** https with office-addin-dev-certs, or http with a message saying why. */
async function devServerTransport() {
  if (process.env.JIXIAO_DEV_HTTP === '1') return { type: 'http' };
  try {
    const { getHttpsServerOptions } = require('office-addin-dev-certs');
    return { type: 'https', options: await getHttpsServerOptions() };
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    console.warn(
      [
        '',
        '⚠ 无法安装或读取 localhost 的开发证书，开发服务器改用 http://localhost:3000 。',
        '  浏览器预览（/preview.html）照常可用；Excel 只加载 https 的加载项，要在 Excel 中调试请先运行',
        '  npx office-addin-dev-certs install 。',
        '⚠ Could not install or read the localhost development certificate; the dev server falls back to',
        '  http://localhost:3000. The browser preview (/preview.html) works; Excel only loads https add-ins,',
        '  so run `npx office-addin-dev-certs install` before debugging in Excel.',
        `  (${reason})`,
        '',
      ].join('\n'),
    );
    return { type: 'http' };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || env.mode || 'production';
  const dev = mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const base = dev ? `${DEV_ORIGIN}/` : publicUrl();
  const officeScript = `<script src="${OFFICE_JS}"></script>`;

  return {
    mode,
    context: __dirname,
    // Eval-free source maps, so the preview's CSP needs no 'unsafe-eval' in dev either.
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/office.tsx',
      commands: './src/commands/commands.ts',
      preview: './src/preview/main.tsx',
      // The pipeline's Web Worker (src/app/workerRunner.ts loads it by this fixed name, beside the pages).
      'pipeline-worker': './src/app/pipelineWorker.ts',
    },
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, 'dist'),
      filename: (data) => (data.chunk?.name === WORKER_ENTRY ? `${WORKER_ENTRY}.js` : dev ? '[name].js' : '[name].[contenthash:8].js'),
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      alias: {
        // ExcelJS's `browser` field points at dist/exceljs.min.js, which carries core-js and regenerator
        // polyfills for old browsers; the bare build is the same library without them (~85 kB less), and
        // every browser that runs Fluent UI v9 has what they polyfill.
        exceljs$: path.resolve(__dirname, 'node_modules/exceljs/dist/exceljs.bare.min.js'),
      },
    },
    module: {
      // A prebuilt UMD bundle: nothing for webpack to resolve inside it, and parsing 860 kB takes time.
      noParse: /[\\/]exceljs[\\/]dist[\\/]exceljs(\.bare)?\.min\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // `npm test` type-checks with tsc; the bundle only needs the JavaScript.
              transpileOnly: true,
              // ES modules let webpack drop what the pane does not use from Fluent UI.
              compilerOptions: { module: 'es2020', sourceMap: dev },
            },
          },
        },
        {
          // The sample workbooks the preview offers, as files next to the page (same origin).
          test: /\.xlsx$/,
          type: 'asset/resource',
          generator: { filename: 'samples/[name].[contenthash:8][ext]' },
        },
      ],
    },
    optimization: {
      splitChunks: {
        // A worker loads no other chunk: it is one file, whatever it shares with the pages.
        chunks: (chunk) => chunk.name !== WORKER_ENTRY,
        cacheGroups: {
          // Its own file, so the preview's largest dependency is cached apart from the app code.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: 'exceljs',
            priority: 20,
            enforce: true,
          },
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: 'react',
            priority: 10,
          },
        },
      },
    },
    // Bundle sizes are reported by bench/bundles.ts; webpack's 244 kB hint would only be noise.
    performance: { hints: false },
    plugins: [
      page({
        filename: 'taskpane.html',
        chunk: 'taskpane',
        title: '绩效评价助手',
        head: officeScript,
        body: '<div id="root"></div>',
      }),
      page({
        filename: 'commands.html',
        chunk: 'commands',
        title: '绩效评价助手 · 评分',
        head: officeScript,
        body: '<div id="message" role="alert"></div>',
      }),
      page({
        filename: 'preview.html',
        chunk: 'preview',
        title: '绩效评价助手 · 浏览器预览',
        head: `<meta http-equiv="Content-Security-Policy" content="${previewCsp(dev)}">`,
        body: '<div id="preview"></div><noscript>需要启用 JavaScript。 JavaScript is required.</noscript>',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : Buffer.from(manifestFor(content.toString('utf8'), base), 'utf8')),
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          host: 'localhost',
          port: DEV_PORT,
          server: await devServerTransport(),
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: true,
          client: { overlay: { warnings: false, errors: true } },
        }
      : undefined,
  };
};

module.exports.manifestFor = manifestFor;
module.exports.publicUrl = publicUrl;
module.exports.DEV_ORIGIN = DEV_ORIGIN;
module.exports.DEFAULT_PUBLIC_URL = DEFAULT_PUBLIC_URL;
module.exports.OFFICE_JS = OFFICE_JS;
