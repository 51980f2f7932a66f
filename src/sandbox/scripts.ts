/**
 * Scripted outcomes in the sandbox: the script language of `cbec-sim` (`parseScript`), given by
 * the `X-Cbec-Script` header, by `cbec-script: <words>` in a message's note, or by an admin call
 * before the documents arrive. The sender plays its own part (it sends CEB623/605 to cancel and
 * CEB625 to return), so the `cancel` words have no place here; `return:day-<n>` only says whether
 * the goods come back (5 days after the request) or, with `-lapsed`, never.
 */
import { parseScript, type Script } from '../customs/scripts.js';
import { ValidationError } from '../domain/errors.js';
import type { MessageData } from '../messages/spec.js';

/** The note convention: `cbec-script: review, inspect:pass` anywhere in a note, up to a `;` or the end. */
const NOTE_SCRIPT = /cbec-script:\s*([^;]+)/;

/**
 * Parses a script for the sandbox.
 *
 * @throws {@link ValidationError} naming `field` for an unknown word or a `cancel` word
 */
export function sandboxScript(text: string, field = 'script'): Script {
  const script = parseScript(text, field);
  const words = text.split(/[\s,]+/).filter((w) => w !== '');
  const cancel = words.findIndex((w) => w.startsWith('cancel'));
  if (cancel >= 0) {
    throw new ValidationError([{ path: [field, cancel], value: words[cancel], reason: 'has no effect in the sandbox: cancel by sending CEB623 (import) or CEB605 (export) yourself.' }], 'Invalid script');
  }
  return script;
}

/** The words of a script given as text, normalised to single spaces. */
export function scriptWords(text: string): string[] {
  return text.split(/[\s,]+/).filter((w) => w !== '');
}

/** The script words in any `note` of a message (business heads and BaseTransfer), in document order. */
export function noteScript(data: MessageData): string {
  const found: string[] = [];
  const visit = (node: MessageData): void => {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'note' && typeof value === 'string') {
        const match = NOTE_SCRIPT.exec(value);
        if (match?.[1] !== undefined) found.push(match[1].trim());
      } else if (Array.isArray(value)) (value as readonly unknown[]).forEach((v) => typeof v === 'object' && v !== null && visit(v as MessageData));
      else if (typeof value === 'object' && value !== null) visit(value as MessageData);
    }
  };
  visit(data);
  return found.join(' ');
}

/** Two scripts as one, each word once, in first-seen order. */
export function mergeScripts(a: string, b: string): string {
  return [...new Set([...scriptWords(a), ...scriptWords(b)])].join(' ');
}
