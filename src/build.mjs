/**
 * Builds what the production server runs: the admin (`next build`) and the server bundle
 * (`dist/`, esbuild), when either is missing or older than the sources. Plain JavaScript so
 * `npm start` needs no TypeScript loader: the server runs as bundled JavaScript under plain Node
 * (under a TS loader, imports made after the embedded database started sometimes never settled).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import esbuild from 'esbuild'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const require = createRequire(import.meta.url)
// bench/'s baseline collection is part of the bundle (payload.config.ts imports it); its results are not
const sources = ['src', 'collections', 'hooks', 'criteria', 'seed', 'bench/bareCollection.ts', 'bench/migrations', 'payload.config.ts', 'next.config.mjs', 'package-lock.json']
const outputs = [path.join(projectRoot, '.next', 'BUILD_ID'), path.join(projectRoot, 'dist', 'main.mjs')]

/** @param {string} entry @returns {number} the newest modification time below `entry` */
const newestChange = (entry) => {
  if (!fs.existsSync(entry)) return 0
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs)
}

/** Both builds exist and no source they depend on changed since. */
export const hasBuild = () => {
  if (!outputs.every((output) => fs.existsSync(output))) return false
  const builtAt = Math.min(...outputs.map((output) => fs.statSync(output).mtimeMs))
  return sources.every((source) => newestChange(path.join(projectRoot, source)) <= builtAt)
}

/** The server bundle: every entry the production process forks or runs, node_modules left external. */
export const buildServer = () => {
  const result = esbuild.buildSync({
    absWorkingDir: projectRoot,
    bundle: true,
    chunkNames: 'chunks/[name]-[hash]',
    entryPoints: ['src/main.ts', 'src/db/embeddedProcess.ts', 'src/scripts/migrate.ts', 'src/scripts/seed.ts', 'src/scripts/backup.ts', 'src/scripts/restore.ts', 'src/scripts/worker.ts'],
    format: 'esm',
    logLevel: 'warning',
    outbase: 'src',
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    platform: 'node',
    sourcemap: true,
    // entries hold the event loop, then import the app: its dependencies must load in a later chunk
    splitting: true,
    target: 'node20',
  })
  return result.errors.length === 0 ? 0 : 1
}

export const buildAdmin = () =>
  spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build', '--webpack'], {
    cwd: projectRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: 'inherit',
  }).status ?? 1

/** @param {{ reason: string }} args @returns {number} 0 when the builds exist or were made */
export const ensureBuild = ({ reason }) => {
  if (hasBuild()) return 0
  console.log(`${reason}: đang dựng giao diện quản trị và máy chủ (khoảng 1–2 phút)…`)
  const admin = buildAdmin()
  return admin === 0 ? buildServer() : admin
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const only = process.argv[2]
  process.exit(only === 'server' ? buildServer() : only === 'admin' ? buildAdmin() : buildAdmin() || buildServer())
}
