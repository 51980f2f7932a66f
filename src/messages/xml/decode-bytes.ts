/**
 * Bytes to text, as real message files come: a byte-order mark decides UTF-8 or UTF-16;
 * otherwise the XML declaration's `encoding` (UTF-8 by default; GBK, GB2312 and GB18030 through
 * the platform's full ICU, US-ASCII and ISO-8859-1 by hand). Bytes that are invalid in the
 * encoding are refused with the offset of the first bad byte: text is never patched with U+FFFD.
 */

/** The text, or why the bytes cannot be read (with the offset of the first bad byte, when there is one). */
export type DecodeResult = { readonly text: string; readonly encoding: string } | { readonly problem: string; readonly offset?: number };

const BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'UTF-8' },
  { bytes: [0xff, 0xfe], encoding: 'UTF-16LE' },
  { bytes: [0xfe, 0xff], encoding: 'UTF-16BE' },
];

/** The encodings a declaration may name, by upper-case label, with the decoder that reads them. */
const LABELS: Readonly<Record<string, string>> = {
  'UTF-8': 'utf-8',
  UTF8: 'utf-8',
  GBK: 'gbk',
  GB2312: 'gbk',
  GB18030: 'gb18030',
  'UTF-16': 'utf-16',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'US-ASCII': 'ascii',
  ASCII: 'ascii',
  'ISO-8859-1': 'latin1',
  'LATIN-1': 'latin1',
};

const DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.\d+\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?/;

/** The encoding an XML declaration names at the start of `head` (read as Latin-1), if any. */
export function declaredEncoding(head: string): string | undefined {
  return DECLARATION.exec(head)?.[3];
}

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  const bom = BOMS.find((b) => b.bytes.every((x, i) => bytes[i] === x));
  return bom && { encoding: bom.encoding, length: bom.bytes.length };
}

function decodeFatal(decoder: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(decoder, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodes(decoder: string, bytes: Uint8Array, stream: boolean): boolean {
  try {
    new TextDecoder(decoder, { fatal: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

/** The offset where the first sequence that cannot be decoded starts. */
function firstBadByte(decoder: string, bytes: Uint8Array): number {
  // The longest prefix that decodes, allowing a sequence left open at its end.
  let good = 0;
  let bad = bytes.length + 1;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (decodes(decoder, bytes.subarray(0, mid), true)) good = mid;
    else bad = mid;
  }
  // Back to the last clean boundary: where the open sequence, if any, began (at most 3 bytes back).
  for (let k = good; k >= Math.max(good - 3, 0); k--) if (decodes(decoder, bytes.subarray(0, k), false)) return k;
  return good;
}

function singleByte(bytes: Uint8Array, limit: number): DecodeResult | string {
  const bad = bytes.findIndex((b) => b > limit);
  if (bad >= 0) return { problem: `has byte 0x${bytes[bad]!.toString(16).padStart(2, '0')}, which is not ${limit === 0x7f ? 'US-ASCII' : 'ISO-8859-1'}`, offset: bad };
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

function decodeAs(label: string, decoder: string, bytes: Uint8Array, offset: number): DecodeResult {
  if (decoder === 'ascii' || decoder === 'latin1') {
    const text = singleByte(bytes, decoder === 'ascii' ? 0x7f : 0xff);
    return typeof text === 'string' ? { text, encoding: label } : { ...text, offset: (text as { offset: number }).offset + offset };
  }
  const text = decodeFatal(decoder, bytes);
  if (text !== undefined) return { text, encoding: label };
  const at = firstBadByte(decoder, bytes) + offset;
  return { problem: `is not valid ${label}: the byte at offset ${at} (0x${bytes[at - offset]?.toString(16).padStart(2, '0') ?? '??'}) cannot be decoded; re-save the file in the encoding its declaration names`, offset: at };
}

/**
 * Decodes a message file's bytes.
 *
 * @example
 * ```ts
 * decodeXmlBytes(readFileSync('CEB311.xml')); // { text: '<?xml ...', encoding: 'GBK' }
 * ```
 */
export function decodeXmlBytes(bytes: Uint8Array): DecodeResult {
  const bom = bomOf(bytes);
  if (bom) {
    const text = decodeAs(bom.encoding, bom.encoding.toLowerCase(), bytes.subarray(bom.length), bom.length);
    if (!('text' in text)) return text;
    const declared = declaredEncoding(text.text);
    const family = (label: string) => (label.startsWith('UTF-16') ? 'UTF-16' : label);
    if (declared !== undefined && family(declared.toUpperCase()) !== family(bom.encoding)) {
      return { problem: `starts with a ${bom.encoding} byte-order mark but declares encoding="${declared}"; make them agree` };
    }
    return text;
  }
  if (bytes[0] === 0x00 || bytes[1] === 0x00) return { problem: 'looks like UTF-16 or UTF-32 without a byte-order mark; save it as UTF-8, or as UTF-16 with a byte-order mark', offset: 0 };
  const head = String.fromCharCode(...bytes.subarray(0, 200));
  const declared = declaredEncoding(head) ?? 'UTF-8';
  const decoder = LABELS[declared.toUpperCase()];
  if (decoder === undefined) return { problem: `declares encoding="${declared}", which cbec-sim does not read; use UTF-8, GBK, GB18030 or UTF-16` };
  if (decoder.startsWith('utf-16')) return { problem: `declares encoding="${declared}" but has no byte-order mark; UTF-16 files start with one`, offset: 0 };
  return decodeAs(declared, decoder, bytes, 0);
}
