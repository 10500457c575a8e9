/**
 * Where `npm run backup` and `npm run restore` find the data: PostgreSQL at DATABASE_URL, or the
 * embedded PGlite under DATA_DIR (default ./data), and the uploaded files under UPLOADS_DIR
 * (default DATA_DIR/uploads). The embedded database may be opened by one process only, so both
 * commands refuse while a server (or any other process) has it open: its database process carries
 * the folder on its command line.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { embeddedDataDir } from '../db/embedded'
import { BackupError } from './backupFormat'
import type { Env } from '../security/settings'

export type BackupTarget = { dataDir: string; databaseUrl: string | undefined; pgliteDir: string; uploadsDir: string }

export const resolveTarget = ({ env = process.env }: { env?: Env } = {}): BackupTarget => {
  const dataDir = path.resolve(env.DATA_DIR ?? 'data')
  return {
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: embeddedDataDir(dataDir),
    uploadsDir: path.resolve(env.UPLOADS_DIR ?? path.join(dataDir, 'uploads')),
  }
}

/** Command lines of the other processes on this machine (Linux /proc, else `ps`). */
const otherProcesses = (): { args: string[]; pid: number }[] => {
  if (fs.existsSync('/proc/self/cmdline')) {
    const found: { args: string[]; pid: number }[] = []
    for (const entry of fs.readdirSync('/proc')) {
      const pid = Number(entry)
      if (!Number.isInteger(pid) || pid === process.pid) continue
      try {
        found.push({ args: fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0'), pid })
      } catch {
        // the process ended while we looked
      }
    }
    return found
  }
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && Number(match[1]) !== process.pid)
    .map((match) => ({ args: (match[2] ?? '').split(' '), pid: Number(match[1]) }))
}

/** The process ids that have the embedded database in `pgliteDir` open. */
export const embeddedDatabaseUsers = (pgliteDir: string) => {
  const wanted = path.resolve(pgliteDir)
  return otherProcesses()
    .filter(({ args }) => args.includes(wanted))
    .map(({ pid }) => pid)
}

export const refuseIfEmbeddedInUse = (pgliteDir: string) => {
  const pids = embeddedDatabaseUsers(pgliteDir)
  if (pids.length > 0) {
    throw new BackupError(
      `Cơ sở dữ liệu nhúng tại ${pgliteDir} đang được tiến trình ${pids.join(', ')} sử dụng (máy chủ đang chạy?). ` +
        'Hãy dừng máy chủ rồi chạy lại lệnh.',
    )
  }
}
