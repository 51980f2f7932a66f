// Requires the built package by its own name, as a CommonJS user would, and calls real functions.
const assert = require('node:assert/strict');
const { money, toFen, isCbecError } = require('cbec-sim');
const { MESSAGE_CATALOGUE } = require('cbec-sim/messages');
const { arbitraries } = require('cbec-sim/testing');

assert.equal(toFen(money('45.505')).toFixed(2), '45.51');
try {
  money(0.1);
  assert.fail('a float must be refused');
} catch (error) {
  assert.equal(isCbecError(error), true);
  assert.equal(error.code, 'INVALID_MONEY');
}
assert.equal(MESSAGE_CATALOGUE.length, 38);
assert.equal(typeof arbitraries.amount, 'function');
console.log('CJS smoke test: ok');
