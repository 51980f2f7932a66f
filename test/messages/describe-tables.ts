/**
 * A plain-text listing of the field tables, one element per line: its path, occurrences, type and
 * facets, fixed or default value, and business format. The tables test compares it with the
 * listing kept beside the fixtures, so any change to a table shows as a diff to review.
 */
import { messageSpec, messageTypesOf } from '../../src/messages/registry.js';
import type { ElementSpec, SimpleType, SpecVersion } from '../../src/messages/spec.js';

const bound = (n: number) => (n === Number.POSITIVE_INFINITY ? '*' : String(n));

function typeText(type: SimpleType): string {
  switch (type.base) {
    case 'string':
      return `string ${type.minLength}..${bound(type.maxLength)}${type.collapse ? ' collapse' : ''}`;
    case 'decimal':
      return `decimal ${type.totalDigits},${type.fractionDigits}`;
    case 'int':
      return `int${type.totalDigits === undefined ? '' : ` ${type.totalDigits}`}`;
    default:
      return type.base;
  }
}

function lines(children: readonly ElementSpec[], path: string): string[] {
  return children.flatMap((c) => {
    const head = `${path}/${c.name} [${c.minOccurs}..${bound(c.maxOccurs)}]`;
    if (c.kind === 'xml') return [`${head} xml ${c.content}`];
    if (c.kind === 'node') return [head, ...lines(c.children, `${path}/${c.name}`)];
    const extra = [c.fixed === undefined ? '' : ` fixed=${c.fixed}`, c.default === undefined ? '' : ` default=${c.default}`, c.format ? ` format=${c.format.pattern.source}` : ''].join('');
    return [`${head} ${typeText(c.type)}${extra}`];
  });
}

/** The listing of every table of `version`. */
export function describeTables(version: SpecVersion): string {
  return `${messageTypesOf(version)
    .flatMap((type) => {
      const spec = messageSpec(type, version);
      return [`${type}Message @${spec.attributes.map((a) => a.name).join(' @')}`, ...lines(spec.children, '')];
    })
    .join('\n')}\n`;
}
