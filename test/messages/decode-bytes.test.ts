/**
 * How a message file's bytes become text: the byte-order mark first, then the encoding the XML
 * declaration names (its labels, in any case), and the offset of the first byte that is not
 * valid in that encoding.
 */
import { describe, expect, it } from 'vitest';
import { declaredEncoding, decodeXmlBytes } from '../../src/messages/xml/decode-bytes.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const declaring = (encoding: string, ...body: number[]) => Uint8Array.of(...utf8(`<?xml version="1.0" encoding="${encoding}"?><a>`), ...body, ...utf8('</a>'));
const utf16le = (text: string) => Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
const utf16be = (text: string) => Uint8Array.from([...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff]));

describe('the XML declaration names the encoding', () => {
  it('version 1.x, single or double quotes, white space around =', () => {
    expect(declaredEncoding(`<?xml version='1.0' encoding='GBK'?>`)).toBe('GBK');
    expect(declaredEncoding('<?xml\tversion = "1.1"\n encoding = "gb18030"?>')).toBe('gb18030');
    expect(declaredEncoding('<?xml  version="1.0"\r\n\tencoding="GBK"?>')).toBe('GBK');
    expect(declaredEncoding('<?xml version="1.0"?>')).toBeUndefined();
    expect(declaredEncoding('<?xml version="1.0" encoding="GBK\'?>')).toBeUndefined();
    expect(declaredEncoding('<?xml version="2.0" encoding="GBK"?>')).toBeUndefined();
    expect(declaredEncoding(' <?xml version="1.0" encoding="GBK"?>')).toBeUndefined();
    expect(declaredEncoding('<?xml version="1.0" encoding="9GBK"?>')).toBeUndefined();
  });

  it.each([
    ['UTF-8', '中'],
    ['utf8', '中'],
    ['GB2312', '中'],
    ['gbk', '中'],
    ['GB18030', '中'],
  ])('%s is read', (label, text) => {
    const bytes = label.toUpperCase().startsWith('UTF') ? utf8(text) : Uint8Array.of(0xd6, 0xd0);
    expect(decodeXmlBytes(declaring(label, ...bytes))).toEqual({ text: `<?xml version="1.0" encoding="${label}"?><a>${text}</a>`, encoding: label });
  });

  it('ASCII and Latin-1 by their other labels; a file without a declaration is UTF-8', () => {
    expect(decodeXmlBytes(declaring('ascii', 0x7f))).toEqual(expect.objectContaining({ encoding: 'ascii' }));
    expect(decodeXmlBytes(declaring('ASCII', 0x80))).toEqual({ problem: 'has byte 0x80, which is not US-ASCII', offset: declaring('ASCII').length - 4 });
    expect(decodeXmlBytes(declaring('latin-1', 0xff))).toEqual(expect.objectContaining({ text: '<?xml version="1.0" encoding="latin-1"?><a>ÿ</a>' }));
    expect(decodeXmlBytes(utf8('<a>é</a>'))).toEqual({ text: '<a>é</a>', encoding: 'UTF-8' });
  });

  it('Latin-1 is ISO-8859-1, byte for code point: 0x80 is U+0080, not the euro sign of windows-1252', () => {
    expect(decodeXmlBytes(declaring('ISO-8859-1', 0x80, 0x9f))).toEqual(expect.objectContaining({ text: '<?xml version="1.0" encoding="ISO-8859-1"?><a>\u0080\u009f</a>' }));
  });

  it('a Latin-1 file longer than 8 KiB is read whole', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => 0x41 + (i % 26));
    const bytes = declaring('ISO-8859-1', ...body);
    const decoded = decodeXmlBytes(bytes);
    expect('text' in decoded && decoded.text.length).toBe(bytes.length);
    expect('text' in decoded && decoded.text.endsWith(`${String.fromCharCode(...body.slice(-30))}</a>`)).toBe(true);
  });

  it('UTF-16 named in the declaration without a byte-order mark is refused', () => {
    for (const label of ['UTF-16BE', 'UTF-16LE', 'UTF-16', 'utf-16']) {
      expect(decodeXmlBytes(declaring(label))).toEqual({ problem: `declares encoding="${label}" but has no byte-order mark; UTF-16 files start with one`, offset: 0 });
    }
  });

  it('a first or second byte 0 means UTF-16 or UTF-32 without a byte-order mark', () => {
    expect(decodeXmlBytes(Uint8Array.of(0x3c, 0x00, 0x61, 0x00))).toEqual(expect.objectContaining({ offset: 0 }));
    expect(decodeXmlBytes(Uint8Array.of(0x00, 0x3c, 0x00, 0x61))).toEqual(expect.objectContaining({ offset: 0 }));
  });
});

describe('a byte-order mark decides the encoding', () => {
  it('UTF-16LE and UTF-16BE, with or without a UTF-16 declaration of either order', () => {
    const xml = '<?xml version="1.0" encoding="UTF-16"?><a>中</a>';
    expect(decodeXmlBytes(Uint8Array.of(0xff, 0xfe, ...utf16le(xml)))).toEqual({ text: xml, encoding: 'UTF-16LE' });
    expect(decodeXmlBytes(Uint8Array.of(0xfe, 0xff, ...utf16be(xml)))).toEqual({ text: xml, encoding: 'UTF-16BE' });
    expect(decodeXmlBytes(Uint8Array.of(0xfe, 0xff, ...utf16be(xml.replace('UTF-16', 'utf-16le'))))).toEqual(expect.objectContaining({ encoding: 'UTF-16BE' }));
    expect(decodeXmlBytes(Uint8Array.of(0xfe, 0xff, ...utf16be('<a/>')))).toEqual({ text: '<a/>', encoding: 'UTF-16BE' });
  });

  it('a UTF-8 mark with a lower-case utf-8 declaration agrees; with UTF-16 it does not', () => {
    expect(decodeXmlBytes(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('<?xml version="1.0" encoding="utf-8"?><a/>')))).toEqual(expect.objectContaining({ encoding: 'UTF-8' }));
    expect(decodeXmlBytes(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('<?xml version="1.0" encoding="UTF-16"?><a/>')))).toEqual({
      problem: 'starts with a UTF-8 byte-order mark but declares encoding="UTF-16"; make them agree',
    });
  });

  it('only a whole mark is a mark: a file starting with 0xEF and then text is invalid UTF-8 at byte 0', () => {
    expect(decodeXmlBytes(Uint8Array.of(0xef, 0x3c, 0x61, 0x2f, 0x3e))).toEqual(expect.objectContaining({ offset: 0 }));
    expect(decodeXmlBytes(Uint8Array.of(0xff, 0x3c, 0x61, 0x2f, 0x3e))).toEqual(expect.objectContaining({ offset: 0 }));
  });

  it('bad bytes after a mark are found at their offset in the file, mark included', () => {
    expect(decodeXmlBytes(Uint8Array.of(0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x3e, 0xff, 0x3c))).toEqual({
      problem: 'is not valid UTF-8: the byte at offset 6 (0xff) cannot be decoded; re-save the file in the encoding its declaration names',
      offset: 6,
    });
    const lone = Uint8Array.of(0xff, 0xfe, ...utf16le('<a>'), 0x00, 0xd8, ...utf16le('</a>'));
    expect(decodeXmlBytes(lone)).toEqual(expect.objectContaining({ offset: 8 }));
  });

  it('the first bad byte of a sequence cut short is where the sequence starts', () => {
    expect(decodeXmlBytes(Uint8Array.of(0x3c, 0x61, 0x3e, 0xf0, 0x9f, 0x98, 0x3c))).toEqual(expect.objectContaining({ offset: 3 }));
    expect(decodeXmlBytes(Uint8Array.of(0xf0, 0x9f, 0x98))).toEqual(expect.objectContaining({ offset: 0 }));
    expect(decodeXmlBytes(Uint8Array.of(0x41, 0x41, 0x41, 0x41, 0x41, 0xff))).toEqual(expect.objectContaining({ offset: 5 }));
  });
});
