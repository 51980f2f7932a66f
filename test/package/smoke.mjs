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
