// ESLint with typescript-eslint. Formatting is Prettier's (.prettierrc.json); these rules catch mistakes, and
// max-len catches what Prettier cannot break (long strings, template literals, comments, regexes).
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'src/generated/**', 'coverage/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      // Read by a closure registered before the one assignment (emulator endpoints).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Sanitizers and terminal-output tests match control characters on purpose.
      'no-control-regex': 'off',
      // `let x = fallback; try { x = … } catch { … }` reads clearer than the alternatives.
      'no-useless-assignment': 'off',
      // Prettier's printWidth; `npm run format` turns this off for its --fix pass, as Prettier has not run yet.
      '@stylistic/max-len': ['error', { code: 160, tabWidth: 2 }],
    },
  },
  { files: ['**/*.js'], languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } } },
);
