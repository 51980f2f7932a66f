/** examples/sandbox-integrator.ts runs in the suite: every check of the integrator's suite passes. */
import { describe, expect, it } from 'vitest';
import { main } from '../../examples/sandbox-integrator.js';

describe('examples/sandbox-integrator.ts', () => {
  it('passes each check of the integrator suite against the sandbox', async () => {
    const lines = (await main()).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.filter((l) => !l.startsWith('ok  '))).toEqual([]);
  });
});
