/**
 * A small QR code encoder (ISO/IEC 18004): byte mode, error correction level M, versions 1–40,
 * with the standard mask selection. Enough to turn an `otpauth://` URL into a scannable SVG
 * without a dependency.
 */

/** Error-correction codewords per block at level M, for versions 1–40. */
const EC_CODEWORDS_PER_BLOCK = [
  10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28,
  28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
];
/** Number of error-correction blocks at level M, for versions 1–40. */
const EC_BLOCKS = [
  1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29,
  31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
];
/** Format bits of error-correction level M. */
const LEVEL_M_BITS = 0b00;

/**
 * Encodes text as a QR code.
 *
 * @param text The text to encode (as UTF-8 bytes).
 *
 * @returns The module matrix, `true` for dark, indexed `[row][column]`, without the quiet zone.
 *
 * @throws `RangeError` when the text exceeds the capacity of version 40 at level M (2,331 bytes).
 *
 * @example
 * ```ts
 * const modules = encodeQr('otpauth://totp/PUGUH:a%40b.test?secret=ABC&issuer=PUGUH');
 * modules.length; // 33 (version 4)
 * ```
 *
 * @internal
 */
export function encodeQr(text: string): boolean[][] {
  const bytes = new TextEncoder().encode(text);
  const version = chooseVersion(bytes.length);
  const codewords = addErrorCorrection(encodeData(bytes, version), version);
  const grid = new Grid(version);
  grid.placeData(codewords);
  let bestMask = 0;
  let bestPenalty = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 8; mask++) {
    grid.applyMask(mask);
    grid.drawFormatBits(mask);
    const penalty = grid.penalty();
    if (penalty < bestPenalty) {
      bestMask = mask;
      bestPenalty = penalty;
    }
    grid.applyMask(mask); // XOR again undoes it
  }
  grid.applyMask(bestMask);
  grid.drawFormatBits(bestMask);
  return grid.modules;
}

/**
 * Renders text as a QR code in an SVG `data:` URL, with the 4-module quiet zone the standard asks for.
 *
 * @param text The text to encode.
 *
 * @returns `data:image/svg+xml;base64,…`
 *
 * @example
 * ```ts
 * const url = qrCodeDataUrl('otpauth://totp/PUGUH:a%40b.test?secret=ABC&issuer=PUGUH');
 * ```
 *
 * @internal
 */
export function qrCodeDataUrl(text: string): string {
  const modules = encodeQr(text);
  const size = modules.length + 8;
  let path = '';
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x + 4} ${y + 4}h1v1h-1z`;
    });
  });
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
  return `data:image/svg+xml;base64,${btoa(svg)}`;
}

function rawCodewords(version: number): number {
  let modules = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const alignments = Math.floor(version / 7) + 2;
    modules -= (25 * alignments - 10) * alignments - 55;
    if (version >= 7) modules -= 36;
  }
  return Math.floor(modules / 8);
}

function dataCodewords(version: number): number {
  return rawCodewords(version) - EC_CODEWORDS_PER_BLOCK[version - 1]! * EC_BLOCKS[version - 1]!;
}

function chooseVersion(byteLength: number): number {
  for (let version = 1; version <= 40; version++) {
    const countBits = version <= 9 ? 8 : 16;
    if (4 + countBits + byteLength * 8 <= dataCodewords(version) * 8) return version;
  }
  throw new RangeError('The text is too long for a QR code.');
}

function encodeData(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const push = (value: number, length: number): void => {
    for (let index = length - 1; index >= 0; index--) bits.push((value >>> index) & 1);
  };
  push(0b0100, 4); // byte mode
  push(bytes.length, version <= 9 ? 8 : 16);
  for (const byte of bytes) push(byte, 8);
  const capacity = dataCodewords(version) * 8;
  push(0, Math.min(4, capacity - bits.length)); // terminator
  push(0, (8 - (bits.length % 8)) % 8);
  const codewords: number[] = [];
  for (let index = 0; index < bits.length; index += 8) {
    codewords.push(bits.slice(index, index + 8).reduce((value, bit) => (value << 1) | bit, 0));
  }
  for (let pad = 0xec; codewords.length < capacity / 8; pad ^= 0xec ^ 0x11) codewords.push(pad);
  return codewords;
}

/** Splits the data into blocks, appends each block's Reed–Solomon codewords and interleaves them. */
function addErrorCorrection(data: number[], version: number): number[] {
  const blockCount = EC_BLOCKS[version - 1]!;
  const ecLength = EC_CODEWORDS_PER_BLOCK[version - 1]!;
  const total = rawCodewords(version);
  const shortBlocks = blockCount - (total % blockCount);
  const shortDataLength = Math.floor(total / blockCount) - ecLength;
  const generator = reedSolomonGenerator(ecLength);
  const dataBlocks: number[][] = [];
  const ecBlocks: number[][] = [];
  let offset = 0;
  for (let block = 0; block < blockCount; block++) {
    const length = shortDataLength + (block < shortBlocks ? 0 : 1);
    const chunk = data.slice(offset, offset + length);
    offset += length;
    dataBlocks.push(chunk);
    ecBlocks.push(reedSolomonRemainder(chunk, generator));
  }
  const result: number[] = [];
  for (let index = 0; index <= shortDataLength; index++) {
    for (const block of dataBlocks) if (index < block.length) result.push(block[index]!);
  }
  for (let index = 0; index < ecLength; index++) for (const block of ecBlocks) result.push(block[index]!);
  return result;
}

/** Multiplies in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1 (0x11d), as QR codes use. */
function gfMultiply(left: number, right: number): number {
  let product = 0;
  for (let bit = 7; bit >= 0; bit--) {
    product = (product << 1) ^ ((product >>> 7) * 0x11d);
    product ^= ((right >>> bit) & 1) * left;
  }
  return product;
}

/** Coefficients (highest degree first, leading 1 omitted) of ∏ (x − α^i) for i < degree. */
function reedSolomonGenerator(degree: number): number[] {
  const coefficients = new Array<number>(degree).fill(0);
  coefficients[degree - 1] = 1;
  let root = 1;
  for (let step = 0; step < degree; step++) {
    for (let index = 0; index < degree; index++) {
      coefficients[index] = gfMultiply(coefficients[index]!, root) ^ (coefficients[index + 1] ?? 0);
    }
    root = gfMultiply(root, 0x02);
  }
  return coefficients;
}

function reedSolomonRemainder(data: number[], generator: number[]): number[] {
  const remainder = new Array<number>(generator.length).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder.shift()!;
    remainder.push(0);
    generator.forEach((coefficient, index) => {
      remainder[index] = remainder[index]! ^ gfMultiply(coefficient, factor);
    });
  }
  return remainder;
}

class Grid {
  readonly size: number;
  readonly modules: boolean[][];
  readonly reserved: boolean[][];
  readonly #version: number;

  constructor(version: number) {
    this.#version = version;
    this.size = version * 4 + 17;
    this.modules = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    this.reserved = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
    for (let index = 0; index < this.size; index++) {
      this.#set(6, index, index % 2 === 0);
      this.#set(index, 6, index % 2 === 0);
    }
    this.#finder(3, 3);
    this.#finder(this.size - 4, 3);
    this.#finder(3, this.size - 4);
    const centers = this.#alignmentCenters();
    const last = centers.length - 1;
    centers.forEach((y, row) => {
      centers.forEach((x, column) => {
        const underFinder =
          (row === 0 && column === 0) || (row === 0 && column === last) || (row === last && column === 0);
        if (!underFinder) this.#alignment(x, y);
      });
    });
    this.drawFormatBits(0); // reserves the area; the real bits are drawn once the mask is chosen
    this.#drawVersionBits();
  }

  /** Places the codewords in the two-column zigzag from the bottom-right corner, skipping column 6. */
  placeData(codewords: number[]): void {
    let bit = 0;
    for (let right = this.size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      const upward = ((right + 1) & 2) === 0;
      for (let step = 0; step < this.size; step++) {
        const y = upward ? this.size - 1 - step : step;
        for (const x of [right, right - 1]) {
          if (this.reserved[y]![x] || bit >= codewords.length * 8) continue;
          this.modules[y]![x] = ((codewords[bit >>> 3]! >>> (7 - (bit & 7))) & 1) === 1;
          bit++;
        }
      }
    }
  }

  applyMask(mask: number): void {
    for (let y = 0; y < this.size; y++) {
      for (let x = 0; x < this.size; x++) {
        if (!this.reserved[y]![x] && maskBit(mask, x, y)) this.modules[y]![x] = !this.modules[y]![x];
      }
    }
  }

  drawFormatBits(mask: number): void {
    const data = (LEVEL_M_BITS << 3) | mask;
    let remainder = data;
    for (let index = 0; index < 10; index++) remainder = (remainder << 1) ^ ((remainder >>> 9) * 0x537);
    const bits = ((data << 10) | remainder) ^ 0x5412;
    const bitAt = (index: number): boolean => ((bits >>> index) & 1) === 1;
    // First copy, around the top-left finder.
    for (let index = 0; index <= 5; index++) this.#set(8, index, bitAt(index));
    this.#set(8, 7, bitAt(6));
    this.#set(8, 8, bitAt(7));
    this.#set(7, 8, bitAt(8));
    for (let index = 9; index < 15; index++) this.#set(14 - index, 8, bitAt(index));
    // Second copy, split between the top-right and bottom-left finders.
    for (let index = 0; index < 8; index++) this.#set(this.size - 1 - index, 8, bitAt(index));
    for (let index = 8; index < 15; index++) this.#set(8, this.size - 15 + index, bitAt(index));
    this.#set(8, this.size - 8, true); // the dark module
  }

  /** The standard's four penalty rules; the mask with the lowest score is used. */
  penalty(): number {
    let score = 0;
    const lines: boolean[][] = [...this.modules];
    for (let x = 0; x < this.size; x++) lines.push(this.modules.map((row) => row[x]!));
    for (const line of lines) {
      let run = 1;
      for (let index = 1; index <= line.length; index++) {
        if (index < line.length && line[index] === line[index - 1]) {
          run++;
          continue;
        }
        if (run >= 5) score += run - 2;
        run = 1;
      }
      const text = line.map((dark) => (dark ? '1' : '0')).join('');
      for (const pattern of ['10111010000', '00001011101']) {
        for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) score += 40;
      }
    }
    let dark = 0;
    for (let y = 0; y < this.size; y++) {
      for (let x = 0; x < this.size; x++) {
        const color = this.modules[y]![x]!;
        if (color) dark++;
        if (
          x + 1 < this.size &&
          y + 1 < this.size &&
          color === this.modules[y]![x + 1] &&
          color === this.modules[y + 1]![x] &&
          color === this.modules[y + 1]![x + 1]
        ) {
          score += 3;
        }
      }
    }
    const total = this.size * this.size;
    score += 10 * Math.floor(Math.abs(dark * 20 - total * 10) / total);
    return score;
  }

  #set(x: number, y: number, dark: boolean): void {
    this.modules[y]![x] = dark;
    this.reserved[y]![x] = true;
  }

  /** A finder pattern with its light separator, centred on (x, y). */
  #finder(x: number, y: number): void {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const distance = Math.max(Math.abs(dx), Math.abs(dy));
        const column = x + dx;
        const row = y + dy;
        if (column >= 0 && column < this.size && row >= 0 && row < this.size) {
          this.#set(column, row, distance !== 2 && distance !== 4);
        }
      }
    }
  }

  #alignment(x: number, y: number): void {
    for (let dy = -2; dy <= 2; dy++) {
      for (let dx = -2; dx <= 2; dx++) this.#set(x + dx, y + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }
  }

  #alignmentCenters(): number[] {
    if (this.#version === 1) return [];
    const count = Math.floor(this.#version / 7) + 2;
    const step = this.#version === 32 ? 26 : Math.ceil((this.#version * 4 + 4) / (count * 2 - 2)) * 2;
    const centers = [6];
    for (let position = this.size - 7; centers.length < count; position -= step)
      centers.splice(1, 0, position);
    return centers;
  }

  #drawVersionBits(): void {
    if (this.#version < 7) return;
    let remainder = this.#version;
    for (let index = 0; index < 12; index++) remainder = (remainder << 1) ^ ((remainder >>> 11) * 0x1f25);
    const bits = (this.#version << 12) | remainder;
    for (let index = 0; index < 18; index++) {
      const dark = ((bits >>> index) & 1) === 1;
      const near = Math.floor(index / 3);
      const far = this.size - 11 + (index % 3);
      this.#set(far, near, dark);
      this.#set(near, far, dark);
    }
  }
}

function maskBit(mask: number, x: number, y: number): boolean {
  switch (mask) {
    case 0:
      return (x + y) % 2 === 0;
    case 1:
      return y % 2 === 0;
    case 2:
      return x % 3 === 0;
    case 3:
      return (x + y) % 3 === 0;
    case 4:
      return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0;
    case 5:
      return ((x * y) % 2) + ((x * y) % 3) === 0;
    case 6:
      return (((x * y) % 2) + ((x * y) % 3)) % 2 === 0;
    default:
      return (((x + y) % 2) + ((x * y) % 3)) % 2 === 0;
  }
}
