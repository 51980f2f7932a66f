// Requires the built package by its own name, as a CommonJS user would, and calls real functions.
const assert = require('node:assert/strict');
const { money, toFen, isCbecError } = require('cbec-sim');
const { MESSAGE_CATALOGUE, parseMessage, validateMessage } = require('cbec-sim/messages');
const { readFileSync } = require('node:fs');
const { arbitraries } = require('cbec-sim/testing');

assert.equal(toFen(money('45.505')).toFixed(2), '45.51');
try {
  money(0.1);
  assert.fail('a float must be refused');
} catch (error) {
  assert.equal(isCbecError(error), true);
  assert.equal(error.code, 'INVALID_MONEY');
}
assert.equal(MESSAGE_CATALOGUE.length, 42);
const xml = readFileSync(require.resolve('../fixtures/messages/CEB621.xml'), 'utf8');
assert.deepEqual(validateMessage(xml), []);
assert.equal(parseMessage(xml).type, 'CEB621');
assert.equal(typeof arbitraries.amount, 'function');
const fc = require('fast-check');
assert.equal(fc.sample(arbitraries.residentId(), { numRuns: 3, seed: 1 }).length, 3);
const { tariffLineCount, tariffLineProblem } = require('cbec-sim');
assert.equal(tariffLineCount(2019), 8557);
assert.match(tariffLineProblem('3304999900', '2023-01-01'), /not in the 2023 nomenclature/);
console.log('CJS smoke test: ok');
