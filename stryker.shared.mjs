/**
 * What both mutation-testing targets share (`npm run mutate`; not part of CI or `npm test`):
 * the unit tests only (vitest.mutate.config.ts, no database), and coverage per test so each
 * mutant runs only the tests that reach it.
 *
 * Every run is a full run, so the score is true. `npm run mutate:criteria -- --incremental`
 * re-tests only mutants whose code or covering tests changed (minutes instead of half an hour)
 * while writing tests, but it keeps the old result of a mutant in a module-level table (a
 * "static" mutant) even when a new test now reaches it, so it can report too low a score.
 *
 * A test file that throws while loading (a fixture validated at module scope) is dropped by the
 * vitest runner instead of failing, so a mutant that breaks such a fixture survives: build
 * fixtures inside tests. Any failing unit test stops the run before it starts (the dry run).
 */

/** @param {{ name: string, mutate: string[], thresholds: { high: number, low: number, break: number } }} target */
export const strykerTarget = ({ name, mutate, thresholds }) => ({
  $schema: './node_modules/@stryker-mutator/core/schema/stryker-schema.json',
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  mutate,
  thresholds,
  incremental: false,
  incrementalFile: `reports/mutation/${name}/incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  clearTextReporter: { allowColor: true, reportMutants: true, reportTests: false, reportScoreTable: true },
  // only criteria/, the unit tests and what they import are needed in the sandbox
  ignorePatterns: ['/dist', '/data', '/test-results', '/test/int', '/test/e2e', '/bench', '/scratch', '/reports'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 10_000,
})
