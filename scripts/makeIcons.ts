/**
 * Draws the add-in's ribbon and store icons (assets/icon-{16,32,64,80}.png) and writes them as PNG with
 * nothing but node:zlib, so the icons are reproducible from this file: `npx tsx scripts/makeIcons.ts`.
 *
 * The picture: a red rounded square (the trade-union red) holding three rising white bars — a score —
 * with a gold tick over them — checked. Shapes are drawn in a unit square and supersampled per pixel,
 * so every size is drawn, not scaled.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const RED: Rgba = [183, 28, 28, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const GOLD: Rgba = [255, 202, 40, 255];
const SIZES = [16, 32, 64, 80] as const;
/** Samples per pixel side: 4×4 = 16 samples is plenty for edges at 16 px. */
const SUPERSAMPLE = 4;

function insideRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= 0 && x <= 1 && y >= 0 && y <= 1;
}

/** Bars from the left: x range and top (the bottom is shared). */
const BARS: { x0: number; x1: number; top: number }[] = [
  { x0: 0.18, x1: 0.34, top: 0.62 },
  { x0: 0.42, x1: 0.58, top: 0.46 },
  { x0: 0.66, x1: 0.82, top: 0.3 },
];
const BAR_BOTTOM = 0.84;

function insideBar(x: number, y: number): boolean {
  return BARS.some((b) => x >= b.x0 && x <= b.x1 && y >= b.top && y <= BAR_BOTTOM);
}

function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** A tick in the top-left corner, above the short bars. */
function insideTick(x: number, y: number, halfWidth: number): boolean {
  return (
    distanceToSegment(x, y, 0.16, 0.3, 0.27, 0.41) <= halfWidth || distanceToSegment(x, y, 0.27, 0.41, 0.5, 0.16) <= halfWidth
  );
}

function colourAt(x: number, y: number, size: number): Rgba | null {
  if (!insideRoundedSquare(x, y, 0.18)) return null;
  // Thin strokes vanish at 16 px; thicken them there.
  const tickHalfWidth = size <= 16 ? 0.075 : 0.055;
  if (insideTick(x, y, tickHalfWidth)) return GOLD;
  if (insideBar(x, y)) return WHITE;
  return RED;
}

function draw(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const c = colourAt((px + (sx + 0.5) / SUPERSAMPLE) / size, (py + (sy + 0.5) / SUPERSAMPLE) / size, size);
          if (!c) continue;
          // Premultiplied accumulation so edges blend toward transparent, not toward black.
          for (let i = 0; i < 3; i++) sum[i] += c[i] * (c[3] / 255);
          sum[3] += c[3];
        }
      }
      const n = SUPERSAMPLE * SUPERSAMPLE;
      const alpha = sum[3] / n;
      const o = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) pixels[o + i] = alpha > 0 ? Math.round((sum[i] / n / alpha) * 255) : 0;
      pixels[o + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods: all 0
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'assets');
  for (const size of SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, draw(size)));
    console.log(`wrote ${file}`);
  }
}
