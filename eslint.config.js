import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nonDeterminism = [
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the seeded generator from src/sim/rng.ts.' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the simulated clock from src/sim/clock.ts.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass an explicit epoch or ISO string; wall-clock time breaks reproducibility.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'docs/api/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...nonDeterminism],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['test/package/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['test/package/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
