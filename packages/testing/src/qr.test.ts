import { describe, expect, test } from 'vitest';
import { encodeQr, qrCodeDataUrl } from './qr';

const render = (modules: boolean[][]): string[] =>
  modules.map((row) => row.map((dark) => (dark ? '#' : '.')).join(''));

/** Reads the 15 format bits of the first copy (around the top-left finder), bit 0 first. */
function formatBits(modules: boolean[][]): number {
  const cells: [number, number][] = [
    [8, 0],
    [8, 1],
    [8, 2],
    [8, 3],
    [8, 4],
    [8, 5],
    [8, 7],
    [8, 8],
    [7, 8],
    [5, 8],
    [4, 8],
    [3, 8],
    [2, 8],
    [1, 8],
    [0, 8],
  ];
  return cells.reduce((bits, [x, y], index) => bits | (Number(modules[y]![x]) << index), 0);
}

/** The second copy: bottom of column 8 and right end of row 8. */
function secondFormatBits(modules: boolean[][]): number {
  const size = modules.length;
  let bits = 0;
  for (let index = 0; index < 8; index++) bits |= Number(modules[8]![size - 1 - index]) << index;
  for (let index = 8; index < 15; index++) bits |= Number(modules[size - 15 + index]![8]) << index;
  return bits;
}

function bchRemainder(value: number, generator: number, degree: number): number {
  let remainder = value << degree;
  for (let bit = 31; bit >= degree; bit--)
    if ((remainder >>> bit) & 1) remainder ^= generator << (bit - degree);
  return remainder;
}

describe('encodeQr', () => {
  test('encodes "PUGUH" as this version-1 symbol (decoded with jsQR when this test was written)', () => {
    expect(render(encodeQr('PUGUH'))).toEqual([
      '#######.......#######',
      '#.....#.#..#..#.....#',
      '#.###.#..#.##.#.###.#',
      '#.###.#..###..#.###.#',
      '#.###.#.#...#.#.###.#',
      '#.....#...#.#.#.....#',
      '#######.#.#.#.#######',
      '..........###........',
      '#.#.#.#..#.#....#..#.',
      '...##..#......#......',
      '##..###.##..#...#####',
      '####.#.###....#....#.',
      '...#.###.##.#.#.#.#.#',
      '........#.##.#.#.....',
      '#######....#.###.#.##',
      '#.....#....###.##....',
      '#.###.#.##.#.###.####',
      '#.###.#...#...##...#.',
      '#.###.#.###.#...###.#',
      '#.....#...#...##...#.',
      '#######.#...#.#...###',
    ]);
  });

  test.each([
    [14, 21],
    [15, 25],
    [84, 37],
    [85, 41],
    [106, 41],
    [107, 45],
    [213, 57],
    [214, 61],
    [2331, 177],
  ])('%i bytes pick the smallest version that fits at level M (size %i)', (length, size) => {
    expect(encodeQr('a'.repeat(length))).toHaveLength(size);
  });

  test.each([20, 90, 300])(
    'a %i-byte symbol has finders, timing, a dark module and valid BCH format/version info',
    (length) => {
      const modules = encodeQr('x'.repeat(length));
      const size = modules.length;
      const rows = render(modules);
      const finder = ['#######', '#.....#', '#.###.#', '#.###.#', '#.###.#', '#.....#', '#######'];
      for (let index = 0; index < 7; index++) {
        expect(rows[index]!.slice(0, 7)).toBe(finder[index]);
        expect(rows[index]!.slice(size - 7)).toBe(finder[index]);
        expect(rows[size - 7 + index]!.slice(0, 7)).toBe(finder[index]);
      }
      for (let index = 8; index < size - 8; index++) {
        expect(modules[6]![index]).toBe(index % 2 === 0);
        expect(modules[index]![6]).toBe(index % 2 === 0);
      }
      expect(modules[size - 8]![8]).toBe(true);

      const format = formatBits(modules);
      expect(secondFormatBits(modules)).toBe(format);
      const unmasked = format ^ 0x5412;
      expect(unmasked >>> 13).toBe(0b00); // level M
      expect(bchRemainder(unmasked >>> 10, 0x537, 10)).toBe(unmasked & 0x3ff);

      const version = (size - 17) / 4;
      if (version >= 7) {
        let bits = 0;
        for (let index = 0; index < 18; index++)
          bits |= Number(modules[Math.floor(index / 3)]![size - 11 + (index % 3)]) << index;
        expect(bits >>> 12).toBe(version);
        expect(bchRemainder(version, 0x1f25, 12)).toBe(bits & 0xfff);
      }
    },
  );

  test('text beyond version 40 is a RangeError', () => {
    expect(() => encodeQr('a'.repeat(2332))).toThrow(RangeError);
  });
});

describe('qrCodeDataUrl', () => {
  test('is an SVG data URL with a quiet zone and one square per dark module', () => {
    const url = qrCodeDataUrl('PUGUH');
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const svg = atob(url.slice('data:image/svg+xml;base64,'.length));
    expect(svg).toContain('viewBox="0 0 29 29"');
    const dark = encodeQr('PUGUH').flat().filter(Boolean).length;
    expect(svg.match(/h1v1h-1z/g)).toHaveLength(dark);
    expect(svg).toContain('M4 4h1v1h-1z'); // the top-left finder corner, after the 4-module quiet zone
  });
});
