import { readRegularFile, utf8Text } from '../../io/read-file.js';
import { badArgument } from './file-argument.js';

/**
 * The bytes of a command's input file: a regular file of at most 16 MiB.
 *
 * @throws `UsageError` naming the file when it is missing, unreadable, not a regular file or too large
 */
export function inputBytes(file: string, help: string): Buffer {
  const read = readRegularFile(file);
  if (read.problem !== undefined) throw badArgument(help, file, file, read.problem);
  return read.bytes;
}

/**
 * The text of a command's input file, in UTF-8.
 *
 * @throws `UsageError` naming the file as {@link inputBytes} does, and when it is not valid UTF-8
 */
export function inputText(file: string, help: string): string {
  const decoded = utf8Text(inputBytes(file, help));
  if (decoded.problem !== undefined) throw badArgument(help, file, file, decoded.problem);
  return decoded.text;
}
