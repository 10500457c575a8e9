/**
 * Vitest for mutation testing (`npm run mutate`, stryker.*.config.mjs): the unit tests only, with
 * the same aliases as vitest.config.ts and no projects, so Stryker's vitest runner sees one plain
 * project and never starts the database-backed int or e2e suites.
 */
import { defineConfig } from 'vitest/config'

import baseConfig from './vitest.config'

const unitProject = baseConfig.test?.projects?.find(
  (project) => typeof project === 'object' && 'test' in project && project.test?.name === 'unit',
)
if (!unitProject || typeof unitProject !== 'object' || !('test' in unitProject)) {
  throw new Error('vitest.config.ts has no "unit" project')
}

export default defineConfig({
  resolve: baseConfig.resolve,
  test: { include: unitProject.test?.include, environment: 'node' },
})
