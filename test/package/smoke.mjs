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
// the HS nomenclature is a data file beside the build, read on first use
const { tariffLineCount, isTariffLine, loadTariff, retailImportTax } = await import('cbec-sim');
assert.equal(tariffLineCount(2023), 8957);
assert.equal(isTariffLine('33049900', 2019), true);
const tariff = loadTariff(new URL('../../examples/tariffs/catalogue-200.csv', import.meta.url).pathname);
assert.equal(retailImportTax({ date: '2024-03-01', tariff, lines: [{ hsCode: '8510100000', quantity: 1, unitPrice: '6000.00' }] }).customsDuty.toFixed(2), '300.00');
assert.doesNotMatch(readFileSync(new URL('../../dist/index.js', import.meta.url), 'utf8'), /cbec-sim HS nomenclature/);
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
