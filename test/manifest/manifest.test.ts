/**
 * @jest-environment jsdom
 *
 * manifest.xml, read the way Office reads it: the ids and URLs it promises, the strings a Chinese Excel
 * shows, the icons it points at, and the schema's element order. The online `office-addin-manifest
 * validate` needs Microsoft's service and is not run here; this covers what can be checked offline.
 * (jsdom only for its XML DOMParser; office-addin-manifest itself runs on Node's fs.)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ManifestInfo } from 'office-addin-manifest';
import { BASELINE_VERSION } from '../../src/hosts/office/apiSupport';

const ROOT = resolve(__dirname, '..', '..');
const MANIFEST = join(ROOT, 'manifest.xml');
const DEV = 'https://localhost:3000';
const OFFICE_NS = 'http://schemas.microsoft.com/office/appforoffice/1.1';
const OVERRIDES_NS = 'http://schemas.microsoft.com/office/taskpaneappversionoverrides';
const BT_NS = 'http://schemas.microsoft.com/office/officeappbasictypes/1.0';
const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

type ManifestTools = {
  manifestFor: (xml: string, base: string) => string;
  publicUrl: (value?: string) => string;
  DEFAULT_PUBLIC_URL: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is CommonJS, loaded as webpack loads it
const webpackConfig = require(join(ROOT, 'webpack.config.js')) as ManifestTools;

const xml = readFileSync(MANIFEST, 'utf8');

function parse(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`manifest.xml is not well-formed XML: ${error.textContent}`);
  return doc;
}

const doc = parse(xml);
const root = doc.documentElement;

function children(el: Element): Element[] {
  return Array.from(el.children);
}

function all(el: Document | Element, ns: string, name: string): Element[] {
  return Array.from(el.getElementsByTagNameNS(ns, name));
}

function one(el: Document | Element, ns: string, name: string): Element {
  const found = all(el, ns, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
}

/** Every resource by id: bt:Image, bt:Url and bt:String (short and long). */
function resources(): Map<string, Element> {
  const resourcesEl = one(doc, OVERRIDES_NS, 'Resources');
  const map = new Map<string, Element>();
  for (const kind of ['Image', 'Url', 'String']) {
    for (const el of all(resourcesEl, BT_NS, kind)) {
      const id = el.getAttribute('id');
      if (!id) throw new Error(`<bt:${kind}> without an id`);
      if (map.has(id)) throw new Error(`resource id ${id} is defined twice`);
      map.set(id, el);
    }
  }
  return map;
}

/** Every URL the manifest holds: attribute values of URL elements, their overrides, and AppDomains. */
function urls(document: Document): string[] {
  const out: string[] = [];
  for (const name of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation']) {
    for (const el of all(document, OFFICE_NS, name)) {
      const v = el.getAttribute('DefaultValue');
      if (v) out.push(v);
    }
  }
  const resourcesEl = document.getElementsByTagNameNS(OVERRIDES_NS, 'Resources')[0];
  for (const kind of ['Image', 'Url']) {
    for (const el of all(resourcesEl, BT_NS, kind)) {
      out.push(el.getAttribute('DefaultValue') ?? '');
      for (const o of all(el, BT_NS, 'Override')) out.push(o.getAttribute('Value') ?? '');
    }
  }
  for (const el of all(document, OFFICE_NS, 'AppDomain')) out.push(el.textContent ?? '');
  return out;
}

/** Names of `el`'s children must appear in `order`, in that order (each may be absent or repeat). */
function expectOrder(el: Element, order: string[]): void {
  const names = children(el).map((c) => c.localName);
  const unknown = names.filter((n) => !order.includes(n));
  expect(unknown).toEqual([]);
  const positions = names.map((n) => order.indexOf(n));
  const sorted = [...positions].sort((a, b) => a - b);
  expect({ element: el.localName, children: names }).toEqual({ element: el.localName, children: sorted.map((i) => order[i]) });
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  expect([...bytes.subarray(0, 8)]).toEqual(signature);
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function assetPath(url: string): string {
  expect(url.startsWith(`${DEV}/assets/`)).toBe(true);
  return join(ROOT, 'assets', url.slice(`${DEV}/assets/`.length));
}

/**
 * office-addin-manifest runs in a child Node process: it loads ESM-only packages (uuid 14,
 * @microsoft/app-manifest's strip-bom) through require(), which Node ≥ 20.19 does and jest's module
 * system does not. The child also blocks every way out to the network before loading it, and reports any
 * attempt: office-addin-usage-data 3.x is a no-op kept for API compatibility (its telemetry was removed),
 * so there is nothing to switch off — this proves it for the run.
 */
const READ_IN_CHILD = `
const net = require('node:net');
const http = require('node:http');
const https = require('node:https');
const dns = require('node:dns');
const attempts = [];
const refuse = (what) => function () { attempts.push(what); throw new Error('network access: ' + what); };
net.Socket.prototype.connect = refuse('socket');
http.request = http.get = refuse('http');
https.request = https.get = refuse('https');
dns.lookup = refuse('dns');
globalThis.fetch = refuse('fetch');
const { OfficeAddinManifest } = require('office-addin-manifest');
const { OfficeAddinUsageData } = require('office-addin-usage-data');
OfficeAddinManifest.readManifestFile(process.argv[1]).then(
  (info) => {
    const usageDataOn = new OfficeAddinUsageData({ projectName: 'jixiao-test', raisePrompt: false }).isUsageDataOn();
    process.stdout.write(JSON.stringify({ info, attempts, usageDataOn }));
  },
  (error) => { console.error(error); process.exit(1); },
);
`;

interface ChildResult {
  info: ManifestInfo;
  attempts: string[];
  usageDataOn: boolean;
}

describe('reading manifest.xml with office-addin-manifest', () => {
  test('gives the add-in id, name, host and permissions Excel installs it with — and sends nothing over the network', () => {
    const out = execFileSync(process.execPath, ['-e', READ_IN_CHILD, MANIFEST], { cwd: ROOT, encoding: 'utf8' });
    const { info, attempts, usageDataOn } = JSON.parse(out) as ChildResult;
    expect(attempts).toEqual([]);
    expect(usageDataOn).toBe(false);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(info.id).toBe('ef072832-580c-4ea5-bb15-a26e8db5add3');
    expect(info.officeAppType).toBe('TaskPaneApp');
    expect(info.version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info.defaultLocale).toBe('en-US');
    expect(info.displayName).toBe('Performance Evaluation Assistant');
    expect(info.hosts).toEqual(['Workbook']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultSettings?.sourceLocation).toBe(`${DEV}/taskpane.html`);
    expect(info.appDomains).toEqual([DEV]);
  });
});

describe('the manifest Excel reads', () => {
  test('lists its top-level elements in the order the OfficeApp schema requires', () => {
    expect(root.localName).toBe('OfficeApp');
    expect(root.namespaceURI).toBe(OFFICE_NS);
    expect(root.getAttributeNS(XSI_NS, 'type')).toBe('TaskPaneApp');
    expect(children(root).map((c) => c.localName)).toEqual([
      'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
      'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings',
      'Permissions', 'VersionOverrides',
    ]);
  });

  test('keeps the schema order inside VersionOverrides too', () => {
    const overrides = one(doc, OVERRIDES_NS, 'VersionOverrides');
    expect(overrides.getAttributeNS(XSI_NS, 'type')).toBe('VersionOverridesV1_0');
    expectOrder(overrides, ['Description', 'Requirements', 'Hosts', 'Resources']);
    expectOrder(one(overrides, OVERRIDES_NS, 'DesktopFormFactor'), ['GetStarted', 'FunctionFile', 'ExtensionPoint']);
    expectOrder(one(overrides, OVERRIDES_NS, 'GetStarted'), ['Title', 'Description', 'LearnMoreUrl']);
    expectOrder(one(overrides, OVERRIDES_NS, 'Group'), ['Label', 'Icon', 'Control']);
    for (const control of all(overrides, OVERRIDES_NS, 'Control')) expectOrder(control, ['Label', 'Supertip', 'Icon', 'Action']);
    expectOrder(one(overrides, OVERRIDES_NS, 'Resources'), ['Images', 'Urls', 'ShortStrings', 'LongStrings']);
  });

  test('asks for the ExcelApi version the Office host refuses to run below (1.7), and only that; newer sets are checked at run time', () => {
    const sets = one(root, OFFICE_NS, 'Sets');
    expect(BASELINE_VERSION).toBe('1.7');
    expect(all(sets, OFFICE_NS, 'Set').map((s) => [s.getAttribute('Name'), s.getAttribute('MinVersion')])).toEqual([['ExcelApi', BASELINE_VERSION]]);
  });

  test('every resid points at a resource, and every resource is used', () => {
    const byId = resources();
    const used = new Set<string>();
    for (const el of Array.from(doc.getElementsByTagName('*'))) {
      const resid = el.getAttribute('resid');
      if (resid === null) continue;
      expect({ element: el.localName, resid, defined: byId.has(resid) }).toEqual({ element: el.localName, resid, defined: true });
      used.add(resid);
    }
    expect([...byId.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test('every URL is on https://localhost:3000 in the dev manifest', () => {
    const found = urls(doc);
    expect(found.length).toBeGreaterThan(8);
    expect(found.filter((u) => u !== DEV && !u.startsWith(`${DEV}/`))).toEqual([]);
  });

  test('a Chinese Excel shows every string in Chinese: each has a zh-CN override, within the schema\'s length limits', () => {
    for (const name of ['DisplayName', 'Description']) {
      const el = one(root, OFFICE_NS, name);
      const zh = all(el, OFFICE_NS, 'Override').filter((o) => o.getAttribute('Locale') === 'zh-CN');
      expect({ name, overrides: zh.length }).toEqual({ name, overrides: 1 });
    }
    const limits: Record<string, number> = { ShortStrings: 125, LongStrings: 250 };
    for (const [group, limit] of Object.entries(limits)) {
      for (const el of all(one(doc, BT_NS, group), BT_NS, 'String')) {
        const id = el.getAttribute('id');
        const zh = all(el, BT_NS, 'Override').filter((o) => o.getAttribute('Locale') === 'zh-CN');
        expect({ id, overrides: zh.length }).toEqual({ id, overrides: 1 });
        for (const text of [el.getAttribute('DefaultValue') ?? '', zh[0].getAttribute('Value') ?? '']) {
          expect({ id, text, fits: text.length > 0 && text.length <= limit }).toEqual({ id, text, fits: true });
        }
      }
    }
    for (const el of all(one(doc, BT_NS, 'Urls'), BT_NS, 'Url')) {
      const zh = all(el, BT_NS, 'Override').filter((o) => o.getAttribute('Locale') === 'zh-CN');
      expect({ id: el.getAttribute('id'), overrides: zh.length }).toEqual({ id: el.getAttribute('id'), overrides: 1 });
    }
  });

  test('the Home tab group holds 评分 (a function command named score) and 打开助手 (the task pane)', () => {
    const byId = resources();
    const zh = (resid: string | null) =>
      all(byId.get(resid ?? '')!, BT_NS, 'Override').find((o) => o.getAttribute('Locale') === 'zh-CN')?.getAttribute('Value');
    expect(one(root, OFFICE_NS, 'DisplayName').getElementsByTagNameNS(OFFICE_NS, 'Override')[0].getAttribute('Value')).toBe('绩效评价助手');
    expect(one(doc, OVERRIDES_NS, 'OfficeTab').getAttribute('id')).toBe('TabHome');
    expect(one(doc, OVERRIDES_NS, 'Host').getAttributeNS(XSI_NS, 'type')).toBe('Workbook');

    const controls = all(doc, OVERRIDES_NS, 'Control');
    const described = controls.map((control) => {
      const action = one(control, OVERRIDES_NS, 'Action');
      const label = control.getElementsByTagNameNS(OVERRIDES_NS, 'Label')[0].getAttribute('resid');
      return {
        label: zh(label),
        action: action.getAttributeNS(XSI_NS, 'type'),
        functionName: action.getElementsByTagNameNS(OVERRIDES_NS, 'FunctionName')[0]?.textContent ?? null,
        taskpaneId: action.getElementsByTagNameNS(OVERRIDES_NS, 'TaskpaneId')[0]?.textContent ?? null,
      };
    });
    expect(described).toEqual([
      { label: '评分', action: 'ExecuteFunction', functionName: 'score', taskpaneId: null },
      { label: '打开助手', action: 'ShowTaskpane', functionName: null, taskpaneId: 'Jixiao.Pane' },
    ]);

    const functionFile = byId.get(one(doc, OVERRIDES_NS, 'FunctionFile').getAttribute('resid') ?? '');
    expect(functionFile?.getAttribute('DefaultValue')).toBe(`${DEV}/commands.html`);
    const paneSource = all(doc, OVERRIDES_NS, 'SourceLocation')[0];
    expect(byId.get(paneSource.getAttribute('resid') ?? '')?.getAttribute('DefaultValue')).toBe(
      one(root, OFFICE_NS, 'DefaultSettings').getElementsByTagNameNS(OFFICE_NS, 'SourceLocation')[0].getAttribute('DefaultValue'),
    );
  });

  test('the function file registers exactly the function names the ribbon calls', () => {
    const names = all(doc, OVERRIDES_NS, 'FunctionName').map((f) => f.textContent);
    const associated: string[] = [];
    const office = {
      actions: { associate: (name: string) => associated.push(name) },
      onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
    };
    Reflect.set(globalThis, 'Office', office);
    try {
      jest.isolateModules(() => {
        // The Office host needs a live Excel; registering the command does not touch it.
        jest.doMock('../../src/hosts/office/officeHost', () => ({ OfficeHost: class {} }), { virtual: true });
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.isolateModules needs a synchronous load
        require('../../src/commands/commands');
      });
    } finally {
      Reflect.deleteProperty(globalThis, 'Office');
    }
    expect(associated).toEqual(names);
    expect(typeof Reflect.get(globalThis, 'score')).toBe('function');
    Reflect.deleteProperty(globalThis, 'score');
  });

  test('every icon it names exists under assets/ as a PNG of the stated size', () => {
    const icons: { url: string; size: number }[] = [
      { url: one(root, OFFICE_NS, 'IconUrl').getAttribute('DefaultValue') ?? '', size: 32 },
      { url: one(root, OFFICE_NS, 'HighResolutionIconUrl').getAttribute('DefaultValue') ?? '', size: 64 },
    ];
    for (const image of all(one(doc, BT_NS, 'Images'), BT_NS, 'Image')) {
      const size = Number(/(\d+)x\1$/.exec(image.getAttribute('id') ?? '')?.[1]);
      icons.push({ url: image.getAttribute('DefaultValue') ?? '', size });
    }
    // Sizes the ribbon asks for, on each <Icon>, must be images of that size.
    const byId = resources();
    for (const ref of all(one(doc, OVERRIDES_NS, 'Hosts'), BT_NS, 'Image')) {
      const image = byId.get(ref.getAttribute('resid') ?? '');
      icons.push({ url: image?.getAttribute('DefaultValue') ?? '', size: Number(ref.getAttribute('size')) });
    }
    for (const { url, size } of icons) {
      const file = assetPath(url);
      expect({ url, exists: existsSync(file) }).toEqual({ url, exists: true });
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });

  test('every page it names is one the build produces or ships', () => {
    const pages = urls(doc).filter((u) => u.endsWith('.html')).map((u) => u.slice(DEV.length + 1));
    expect(new Set(pages)).toEqual(new Set(['taskpane.html', 'commands.html', 'assets/help.html']));
    expect(existsSync(join(ROOT, 'assets', 'help.html'))).toBe(true);
    const source = readFileSync(join(ROOT, 'webpack.config.js'), 'utf8');
    for (const page of ['taskpane.html', 'commands.html']) expect(source).toContain(`filename: '${page}'`);
  });
});

describe('the production manifest npm run build writes', () => {
  test('points every URL at JIXIAO_PUBLIC_URL (default https://jixiao.example.org/) and nothing at localhost', () => {
    for (const base of [webpackConfig.DEFAULT_PUBLIC_URL, 'https://tools.example.cn/jixiao/']) {
      const prod = parse(webpackConfig.manifestFor(xml, base));
      const found = urls(prod);
      expect(found.filter((u) => u.includes('localhost'))).toEqual([]);
      const origin = new URL(base).origin;
      expect(found.filter((u) => u !== origin && !u.startsWith(base))).toEqual([]);
      expect(all(prod, OFFICE_NS, 'AppDomain').map((d) => d.textContent)).toEqual([origin]);
    }
  });

  test('refuses a public URL Office would not load', () => {
    expect(webpackConfig.publicUrl(undefined)).toBe('https://jixiao.example.org/');
    expect(webpackConfig.publicUrl('https://tools.example.cn/jixiao')).toBe('https://tools.example.cn/jixiao/');
    expect(() => webpackConfig.publicUrl('http://tools.example.cn/')).toThrow(/https/);
    expect(() => webpackConfig.publicUrl('not a url')).toThrow(/not a URL/);
  });
});
