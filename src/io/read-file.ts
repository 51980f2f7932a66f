/**
 * Reading input files (scenarios, orders, messages) with a size cap: only regular files are read
 * (`/dev/zero`, a FIFO or a directory is refused before a byte is read), never more than the cap,
 * and text must be valid UTF-8 (invalid bytes are refused, never turned into U+FFFD).
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** The largest input file cbec-sim reads: 16 MiB. */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/** The bytes of a file, or why they were not read (a sentence fragment: "is not a regular file ..."). */
export type FileRead = { readonly bytes: Buffer; readonly problem?: undefined } | { readonly bytes?: undefined; readonly problem: string };

function kind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MiB`;

/** Reads `fd` to its end, or stops once it has more than `maxBytes` (a file that grew since its size was read). */
function readAll(fd: number, size: number, maxBytes: number): Buffer | undefined {
  const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
  let filled = 0;
  for (;;) {
    if (filled === buffer.length) return undefined;
    const n = readSync(fd, buffer, filled, buffer.length - filled, null);
    if (n === 0) return buffer.subarray(0, filled);
    filled += n;
  }
}

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them.
 *
 * @returns the bytes, or the problem: not found, unreadable, not a regular file, or too large
 */
export function readRegularFile(path: string, maxBytes = MAX_INPUT_BYTES): FileRead {
  let fd: number;
  try {
    // non-blocking, so opening a FIFO with no writer returns at once instead of waiting for one
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { problem: `cannot be read: ${(e as Error).message}.` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: `is ${kind(stats)}, not a regular file; give the path of a file.` };
    if (stats.size > maxBytes) return { problem: `is ${mib(stats.size)}; cbec-sim reads files of at most ${mib(maxBytes)}.` };
    const bytes = readAll(fd, stats.size, maxBytes);
    return bytes === undefined ? { problem: `grew beyond ${mib(maxBytes)} while it was read; cbec-sim reads files of at most ${mib(maxBytes)}.` } : { bytes };
  } catch (e) {
    return { problem: `cannot be read: ${(e as Error).message}.` };
  } finally {
    closeSync(fd);
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * `bytes` as UTF-8 text (a byte-order mark dropped), or why they are not: invalid bytes are an
 * error, never replaced by U+FFFD.
 */
export function utf8Text(bytes: Uint8Array): { readonly text: string; readonly problem?: undefined } | { readonly text?: undefined; readonly problem: string } {
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { problem: `is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); save it as UTF-8.` };
  }
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    try {
      UTF8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return i;
}

/**
 * The UTF-8 text of the regular file at `path` (at most {@link MAX_INPUT_BYTES}), or why it was not
 * read: the problems of {@link readRegularFile} and {@link utf8Text}.
 */
export function readTextFile(path: string): { readonly text: string; readonly problem?: undefined } | { readonly text?: undefined; readonly problem: string } {
  const file = readRegularFile(path);
  return file.problem === undefined ? utf8Text(file.bytes) : { problem: file.problem };
}
