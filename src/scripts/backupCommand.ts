/**
 * `npm run backup -- <folder>`: backs up the database (PostgreSQL at DATABASE_URL, or the embedded
 * default under DATA_DIR, which must not be in use: stop the server first) and the uploaded files
 * (UPLOADS_DIR) into a new folder. Format and checks: backupFormat.ts; `npm run restore` reads it.
 */
import fs from 'node:fs'

import { startEmbeddedDatabase } from '../db/embedded'
import { createBackup } from './backupCreate'
import { BackupError } from './backupFormat'
import { refuseIfEmbeddedInUse, resolveTarget } from './backupTarget'
import type { Env } from '../security/settings'

export const backupUsage = 'Cách dùng: npm run backup -- <thư mục mới>   (cơ sở dữ liệu và tệp tải lên; với CSDL nhúng hãy dừng máy chủ trước)'

/** Returns the process exit status. */
export const backupCommand = async ({ args, env = process.env }: { args: string[]; env?: Env }): Promise<number> => {
  const folder = args.find((arg) => !arg.startsWith('--'))
  if (!folder) {
    console.error(backupUsage)
    return 2
  }
  const target = resolveTarget({ env })
  try {
    if (target.databaseUrl) {
      await createBackup({ databaseUrl: target.databaseUrl, folder, mode: 'external', uploadsDir: target.uploadsDir })
      return 0
    }
    if (!fs.existsSync(target.pgliteDir)) throw new BackupError(`Không có cơ sở dữ liệu nhúng tại ${target.pgliteDir} (đặt DATA_DIR hoặc DATABASE_URL).`)
    refuseIfEmbeddedInUse(target.pgliteDir)
    const embedded = await startEmbeddedDatabase({ dataDir: target.pgliteDir })
    try {
      await createBackup({ databaseUrl: embedded.url, folder, mode: 'embedded', uploadsDir: target.uploadsDir })
    } finally {
      await embedded.stop()
    }
    return 0
  } catch (error) {
    if (!(error instanceof BackupError)) throw error
    console.error(`Không sao lưu: ${error.message}`)
    return 1
  }
}
