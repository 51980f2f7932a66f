/**
 * Text from outside (names in orders and scenarios, file names) made safe to show on a terminal.
 */

// C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional overrides that can reorder what a terminal shows
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };

/**
 * `text` with every control character written as an escape (ESC as `\x1b`, a line break as `\n`),
 * so it can neither recolour a terminal nor forge a line of output.
 *
 * @example
 * ```ts
 * printable('Acme\u001b[31m\nFAKE'); // 'Acme\\x1b[31m\\nFAKE'
 * ```
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}
