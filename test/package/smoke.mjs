// Imports the built package by its own name, as an ESM user would, and calls real functions.
import assert from 'node:assert/strict';
import { money, allocate, parseOrder, isValidResidentId } from 'cbec-sim';
import { catalogueEntry, buildMessage, parseMessage } from 'cbec-sim/messages';
import { readFileSync } from 'node:fs';
import { arbitraries } from 'cbec-sim/testing';
import pkg from 'cbec-sim/package.json' with { type: 'json' };

const parts = allocate(money('10.00'), [money(1), money(1), money(1)]).map(String);
assert.deepEqual(parts, ['3.34', '3.33', '3.33']);
assert.equal(isValidResidentId('11010519491231002X'), true);
assert.equal(typeof parseOrder, 'function');
assert.equal(catalogueEntry('CEB621')?.receipt, 'CEB622');
const parsed = parseMessage(readFileSync(new URL('../fixtures/messages/CEB311.xml', import.meta.url), 'utf8'));
assert.deepEqual(parseMessage(buildMessage(parsed.type, parsed.data)).data, parsed.data);
assert.equal(typeof arbitraries.residentId, 'function');
assert.equal(pkg.name, 'cbec-sim');
console.log('ESM smoke test: ok');

// The main entry must not pull fast-check in (it is an optional peer of cbec-sim/testing only).
import { readFileSync as read } from 'node:fs';
const seen = new Set();
const reaches = (file) => {
  if (seen.has(file)) return false;
  seen.add(file);
  const code = read(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
  if (/from ['"]fast-check['"]|require\(['"]fast-check['"]\)|import\(['"]fast-check['"]\)/.test(code)) return true;
  return [...code.matchAll(/from ['"]\.\/([^'"]+)['"]/g)].some((m) => reaches(m[1]));
};
assert.equal(reaches('index.js'), false, 'dist/index.js reaches fast-check');
assert.equal(reaches('index.cjs'), false, 'dist/index.cjs reaches fast-check');
assert.equal(reaches('messages.js'), false, 'dist/messages.js reaches fast-check');
seen.clear();
assert.equal(reaches('testing.js'), true, 'the check itself: dist/testing.js does import fast-check');
const { invariants } = await import('cbec-sim/testing');
assert.equal(typeof invariants.everyOrderAccountedFor, 'function');
console.log('ESM main entry free of fast-check: ok');
