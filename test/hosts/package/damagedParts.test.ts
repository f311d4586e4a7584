/**
 * A damaged part is refused before anything is read, naming the part (partCheck.ts, ZipPackage.verify):
 * the package host copies every part it does not edit into the scored file, so a damaged one would
 * otherwise reach the officer's copy for Excel to "repair", or be read leniently as fewer rows.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { NODE_ZIP_CODEC } from '../../../src/hosts/package/nodeZipCodec';
import { PackageHost } from '../../../src/hosts/package/packageHost';
import type { ZipCodec } from '../../../src/hosts/package/zipArchive';
import { WorkbookReadError } from '../../../src/hosts/xlsx/errors';

const KUNMING = new Uint8Array(readFileSync('examples/kunming-2019-self-evaluation.xlsx'));

function withPart(name: string, text: string): Uint8Array {
  const parts = unzipSync(KUNMING);
  parts[name] = strToU8(text);
  return zipSync(parts);
}

function refusal(bytes: Uint8Array, codec?: ZipCodec): string {
  try {
    PackageHost.fromBuffer(bytes, { codec });
  } catch (err) {
    if (err instanceof WorkbookReadError) return err.message;
    throw err;
  }
  throw new Error('not refused');
}

describe('a damaged part is refused, naming it', () => {
  const sheet = 'xl/worksheets/sheet1.xml';

  test.each([
    ['an empty part', 'docProps/app.xml', '', '内容为空'],
    ['binary junk', 'xl/styles.xml', '\u0000\u0001 binary junk', '不是 XML'],
    ['a sheet cut short', sheet, () => strFromU8(unzipSync(KUNMING)[sheet]).slice(0, 5000), 'XML 不完整'],
    ['another part’s content', 'xl/theme/theme1.xml', '<?xml version="1.0"?><sst count="5"><si><t>x</t></si></sst>', '根元素是“sst”，应为“theme”'],
    ['an entity declaration', 'docProps/core.xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', '文档类型声明'],
    ['an unclosed element', '[Content_Types].xml', '<foo>', '根元素是“foo”，应为“Types”'],
  ])('%s', (_what, part, text, why) => {
    const message = refusal(withPart(part, typeof text === 'function' ? text() : text));
    expect(message).toContain(`部件“${part}”已损坏`);
    expect(message).toContain(why);
  });

  test.each([
    ['fflate (the browser)', undefined],
    ['Node’s zlib (the command line)', NODE_ZIP_CODEC],
  ])('bits flipped inside a compressed part, inflated by %s: the part is named, nothing from the zip library', (_codec, codec) => {
    const parts = unzipSync(KUNMING);
    const zip = zipSync(parts, { level: 6 });
    // Flip a byte in the middle of the (largest) sheet part's compressed data.
    const at = Buffer.from(zip).indexOf(Buffer.from('xl/worksheets/sheet1.xml')) + 200;
    const damaged = zip.slice();
    damaged[at] ^= 0x5a;
    const message = refusal(damaged, codec);
    expect(message).toMatch(/部件“xl\/worksheets\/sheet1\.xml”的压缩数据有误/);
    expect(message).not.toMatch(/invalid|distance|crc/i);
  });

  test('a well-formed empty sheet, comments after the root and a byte-order mark are not damage', () => {
    const empty = '\ufeff<?xml version="1.0"?><!-- saved by a tool --><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>\n<!-- end -->\n';
    const parts = unzipSync(KUNMING);
    const names = Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(names.length).toBeGreaterThan(0);
    parts[names[0]] = strToU8(empty);
    expect(() => PackageHost.fromBuffer(zipSync(parts))).not.toThrow();
  });
});
