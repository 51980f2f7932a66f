/**
 * Text to bytes in the encodings real message files come in: UTF-8 (with or without a
 * byte-order mark), GBK, GB2312 and GB18030 (the characters of the GBK table, or its GB2312 part,
 * and for GB18030 the four-byte characters outside the BMP; others are written as character
 * references by the writer), UTF-16 little- or big-endian with a byte-order mark.
 */

/** An encoding a generated file is written in, as its declaration names it. */
export type Encoding = 'UTF-8' | 'utf-8' | 'GBK' | 'gb2312' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';

let gbkTable: Map<number, number> | undefined;
let gb2312Table: Map<number, number> | undefined;

/** The GB2312 part of the GBK table: both bytes from 0xA1. */
function gb2312(): Map<number, number> {
  gb2312Table ??= new Map([...gbk()].filter(([, pair]) => pair >> 8 >= 0xa1 && (pair & 0xff) >= 0xa1));
  return gb2312Table;
}

function tableOf(encoding: Encoding): Map<number, number> | undefined {
  return encoding === 'gb2312' ? gb2312() : encoding === 'GBK' || encoding === 'GB18030' ? gbk() : undefined;
}

/** Code point to the two GBK bytes (as one number), from the platform's GBK decoder. */
function gbk(): Map<number, number> {
  if (gbkTable) return gbkTable;
  gbkTable = new Map();
  const decoder = new TextDecoder('gbk', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(new Uint8Array([lead, trail]));
        const cp = char.codePointAt(0)!;
        // Not the user-defined areas (private use), which the platforms' GBK tables map differently.
        if (char.length === 1 && cp >= 0x80 && !(cp >= 0xe000 && cp <= 0xf8ff)) gbkTable.set(cp, (lead << 8) | trail);
      } catch {
        // not a character in GBK
      }
    }
  }
  return gbkTable;
}

/** The four GB18030 bytes of a character outside the BMP (a linear range from 0x90308130). */
function gb18030FourBytes(cp: number): number[] {
  let v = cp - 0x10000;
  const b4 = 0x30 + (v % 10);
  v = Math.floor(v / 10);
  const b3 = 0x81 + (v % 126);
  v = Math.floor(v / 126);
  return [0x90 + Math.floor(v / 10), 0x30 + (v % 10), b3, b4];
}

/** True when `char` (one code point) can be written as itself in `encoding`. */
export function encodable(char: string, encoding: Encoding): boolean {
  const cp = char.codePointAt(0)!;
  const table = tableOf(encoding);
  return !table || cp < 0x80 || table.has(cp) || (encoding === 'GB18030' && cp > 0xffff);
}

/** The bytes of `text` in `encoding`, after a byte-order mark when `bom` (always for UTF-16). */
export function encode(text: string, encoding: Encoding, bom: boolean): Uint8Array {
  switch (encoding) {
    case 'UTF-8':
    case 'utf-8':
      return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
    case 'UTF-16LE':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'UTF-16BE':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'GBK':
    case 'gb2312':
    case 'GB18030': {
      const table = tableOf(encoding)!;
      const out: number[] = [];
      for (const char of text) {
        const cp = char.codePointAt(0)!;
        if (cp < 0x80) out.push(cp);
        else if (cp > 0xffff && encoding === 'GB18030') out.push(...gb18030FourBytes(cp));
        else {
          const pair = table.get(cp);
          if (pair === undefined) throw new Error(`U+${cp.toString(16)} is not in the GBK table; the writer should have written a character reference`);
          out.push(pair >> 8, pair & 0xff);
        }
      }
      return Uint8Array.from(out);
    }
  }
}
