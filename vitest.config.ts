import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = path.dirname(fileURLToPath(import.meta.url))

const alias = {
  '@payload-config': path.join(root, 'payload.config.ts'),
  '@/': path.join(root, 'src/'),
  '@criteria/': path.join(root, 'criteria/'),
  '@collections/': path.join(root, 'collections/'),
  '@hooks/': path.join(root, 'hooks/'),
  '@seed/': path.join(root, 'seed/'),
  '@test/': path.join(root, 'test/'),
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 0 } },
      },
      {
        resolve: { alias },
        test: {
          name: 'int',
          include: ['test/int/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          environment: 'node',
          globalSetup: ['test/int/globalSetup.ts'],
          setupFiles: ['test/int/setup.ts'],
          // one Payload instance and one database per run: files share it, in sequence
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // one start with the demo loaded, copied by each file's server (test/e2e/helpers/server.ts)
          globalSetup: ['test/e2e/globalSetup.ts'],
          // after unit and int (the production server and Chromium want the two cores); TEST_SIDE_BY_SIDE=true runs it beside them (test/run.ts)
          sequence: { groupOrder: 1 },
          environment: 'node',
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
