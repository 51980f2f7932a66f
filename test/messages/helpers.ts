/** Fixtures and small helpers the message tests share. */
import { readFileSync } from 'node:fs';
import type { MessageIssue } from '../../src/messages/issues.js';

/** A fixture as text: `fixture('CEB311')` (202205), `fixture('2018/CEB603')`, `fixture('special/CEB303-extend.202205')`. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/messages/${name}.xml`, import.meta.url), 'utf8');
}

/** A fixture's bytes. */
export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(new URL(`../fixtures/messages/${name}.xml`, import.meta.url));
}

/** `text` with the first element `name` given the text `value` (`<ceb:name>value</ceb:name>`). */
export function withValue(text: string, name: string, value: string): string {
  const re = new RegExp(`<(ceb:)?${name}>[^<]*</(ceb:)?${name}>`);
  if (!re.test(text)) throw new Error(`no <${name}> in the fixture`);
  return text.replace(re, `<ceb:${name}>${value}</ceb:${name}>`);
}

/** `text` without its first element `name`. */
export function without(text: string, name: string): string {
  return text.replace(new RegExp(`\\s*<ceb:${name}>[^<]*</ceb:${name}>`), '');
}

/** Each issue as `path @line [level]: reason`, for exact comparison. */
export function described(issues: readonly MessageIssue[]): string[] {
  return issues.map((i) => `${i.path.join('.')} @${i.line ?? '-'} [${i.level}]: ${i.reason}`);
}
