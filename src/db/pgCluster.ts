/**
 * A throwaway PostgreSQL cluster from the installed binaries (initdb + pg_ctl), for the test
 * command and for local development. Runs as the `postgres` system user when started as root,
 * since PostgreSQL refuses to run as root. Listens on loopback only.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './freePort'

export type PgCluster = { dataDir: string; port: number; stop: () => void; url: string }

const binDirCandidates = () => {
  const fromPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim()
  const dirs: string[] = []
  if (fromPath) dirs.push(path.dirname(fs.realpathSync(fromPath)))
  const root = '/usr/lib/postgresql'
  if (fs.existsSync(root)) {
    const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
    for (const version of versions) dirs.push(path.join(root, version, 'bin'))
  }
  return dirs
}

/** The folder holding initdb and pg_ctl, or null when PostgreSQL is not installed. */
export const findPgBinDir = (): string | null =>
  binDirCandidates().find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) ?? null

export const startPgCluster = async ({ binDir }: { binDir: string }): Promise<PgCluster> => {
  const isRoot = process.getuid?.() === 0
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'dvht-pg-'))
  const dataDir = path.join(base, 'data')
  const port = await freePort()
  const run = (command: string, args: string[]) => {
    const [file, fileArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]
    execFileSync(file, fileArgs, { stdio: ['ignore', 'pipe', 'pipe'] })
  }
  if (isRoot) execFileSync('chown', ['postgres:postgres', base])
  run(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])
  run(path.join(binDir, 'pg_ctl'), [
    '-D', dataDir, '-l', path.join(base, 'server.log'), '-w', '-t', '30',
    '-o', `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    'start',
  ])
  const stop = () => {
    try {
      run(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'])
    } finally {
      fs.rmSync(base, { force: true, recursive: true })
    }
  }
  return { dataDir, port, stop, url: `postgres://postgres@127.0.0.1:${port}/postgres` }
}
