// Flat config: typescript-eslint + eslint-plugin-astro, zero warnings allowed (`npm run lint`).
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

export default [
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      '.tools/',
      'bench/tmp/',
      'test-results/',
      'playwright-report/',
      'schemas/',
      'scratch/',
    ],
  },
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      // Unused function arguments prefixed with _ are intentional (callback signatures).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
