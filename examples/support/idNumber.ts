import type { Prng } from './prng';

/** GB 11643-1999 weights for the first 17 digits of a 居民身份证号码. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/** The 18th character (0–9 or X) for the first 17 digits. */
export function gb11643CheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`need 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function isValidIdNumber(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && gb11643CheckChar(id.slice(0, 17)) === id[17];
}

export type Sex = 'male' | 'female';

export interface IdNumberSpec {
  /** 6-digit administrative division code, e.g. 440183 (原增城市), 530102 (五华区). */
  region: string;
  birth: { year: number; month: number; day: number };
  /** The 顺序码's last digit is odd for men and even for women. */
  sex: Sex;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A valid 18-digit number for the spec; the 顺序码 comes from the generator. */
export function makeIdNumber(spec: IdNumberSpec, prng: Prng): string {
  let sequence = prng.int(1, 999);
  const wantOdd = spec.sex === 'male';
  if ((sequence % 2 === 1) !== wantOdd) sequence = sequence === 999 ? 998 : sequence + 1;
  const first17 =
    spec.region + pad(spec.birth.year, 4) + pad(spec.birth.month, 2) + pad(spec.birth.day, 2) + pad(sequence, 3);
  return first17 + gb11643CheckChar(first17);
}

/** A random real calendar date between the two years, inclusive. */
export function randomBirth(prng: Prng, fromYear: number, toYear: number): IdNumberSpec['birth'] {
  const year = prng.int(fromYear, toYear);
  const month = prng.int(1, 12);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: prng.int(1, daysInMonth) };
}
