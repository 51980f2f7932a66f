/**
 * The `--out` directory, checked before a run starts: created if missing, and refused (as a bad
 * argument) when it is a file, lies under a file, or cannot be written.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { systemReason } from '../errors.js';

/** Why `dir` cannot be the output directory, after creating it if it was missing; `undefined` when it can. */
export function outDirProblem(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'EEXIST') return 'is a file, not a directory; give a directory to write the outputs into.';
    if (code === 'ENOTDIR') return 'lies under a file, not a directory; give a directory to write the outputs into.';
    return `cannot be created: ${systemReason(e)}.`;
  }
  try {
    if (!statSync(dir).isDirectory()) return 'is not a directory; give a directory to write the outputs into.';
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (e) {
    return `is not writable: ${systemReason(e)}.`;
  }
  return undefined;
}
