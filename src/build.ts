/** Builds the admin with `next build` when no build exists or the sources changed since (used by `npm start` and the tests). */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const buildId = path.join(projectRoot, '.next', 'BUILD_ID')
const sources = ['src', 'collections', 'hooks', 'criteria', 'seed', 'payload.config.ts', 'next.config.mjs', 'package-lock.json']

const newestChange = (entry: string): number => {
  if (!fs.existsSync(entry)) return 0
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestChange(path.join(entry, name))), stat.mtimeMs)
}

/** A build exists and no source it depends on changed since. */
export const hasBuild = () => {
  if (!fs.existsSync(buildId)) return false
  const builtAt = fs.statSync(buildId).mtimeMs
  return sources.every((source) => newestChange(path.join(projectRoot, source)) <= builtAt)
}

/** Returns the exit status of `next build` (0 when a build already existed). */
export const ensureBuild = ({ reason }: { reason: string }): number => {
  if (hasBuild()) return 0
  console.log(`${reason}: đang dựng giao diện quản trị (next build, khoảng 1–2 phút)…`)
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
  const built = spawnSync(process.execPath, [nextBin, 'build', '--webpack'], {
    cwd: projectRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: 'inherit',
  })
  return built.status ?? 1
}
