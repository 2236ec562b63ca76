import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Each file opens its own database (an in-memory PGlite, or a fresh programme on PostgreSQL).
    pool: 'forks',
    maxWorkers: 2,
    // The key channel credentials are sealed with, so that tests write no key file.
    env: { KOPILKA_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') },
  },
});
