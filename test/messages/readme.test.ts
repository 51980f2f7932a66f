import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Customs messages'), readme.indexOf('## Command line'));
const block = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
const dir = mkdtempSync(join(new URL('.', import.meta.url).pathname, '.readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the README's messages section", () => {
  it('runs as written and prints what its comments say', async () => {
    const file = join(dir, 'block.ts');
    writeFileSync(file, block.replace("from 'cbec-sim/messages'", `from '${new URL('../../src/messages/index.ts', import.meta.url).pathname}'`));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await import(file);
    expect(log.mock.calls).toEqual([[0], [['business Order.0.OrderHead.appTime']], ['CEB311', '202205', '4CDE1CFD-EDED-46B1-946C-B8022E42F311', '1.0'], [true, true]]);
    log.mockRestore();
  });
});
