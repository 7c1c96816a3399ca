import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.dist-*/**',
      '**/.turbo/**',
      'api/src/generated/**',
      '.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Domain code is pure: no database, no HTTP, no environment, no clock of its own.
    files: ['api/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // The generated enums are plain constants (the database's enums, prisma/schema.prisma),
              // the one definition shared by SQL, zod and the domain; the rest of the client is not.
              regex: '(^|/)(adapters|http|use-cases)/|(^|/)generated/(?!prisma/enums\\.ts$)',
              message: 'domain/ imports only domain/, luxon and the generated enums.',
            },
            {
              group: ['fastify*', '@prisma/*', 'pg', 'stripe', 'postmark', '@googleapis/*'],
              message: 'domain/ is pure.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Pass configuration in.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Pass `now` in.',
        },
      ],
    },
  },
  prettier,
);
