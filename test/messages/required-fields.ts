/**
 * Test helpers for the message tests. The message-data arbitraries live in the testing kit
 * (`src/testing/message-data.ts`); this file keeps only what the tests need besides them.
 */
import type { ElementSpec, MessageData } from '../../src/messages/spec.js';

/** Every required field of `data` under `children`, in document order, with its path. */
export function requiredFieldPaths(children: readonly ElementSpec[], data: MessageData, path: (string | number)[] = []): { path: (string | number)[]; name: string }[] {
  const found: { path: (string | number)[]; name: string }[] = [];
  for (const child of children) {
    const value = data[child.name];
    if (value === undefined) continue;
    if (child.kind === 'field') {
      if (child.required) found.push({ path: [...path, child.name], name: child.name });
      continue;
    }
    const entries = (child.repeated ? value : [value]) as MessageData[];
    entries.forEach((entry, i) => found.push(...requiredFieldPaths(child.children, entry, child.repeated ? [...path, child.name, i] : [...path, child.name])));
  }
  return found;
}
