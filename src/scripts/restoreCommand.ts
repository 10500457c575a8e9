/**
 * `npm run restore -- <folder> [--force]`: restores a backup made by `npm run backup` into the
 * configured database (DATABASE_URL, or the embedded default under DATA_DIR, which must not be in
 * use) and UPLOADS_DIR. The target must be empty unless --force; every checksum is verified
 * first and every table compared after. Steps and refusals: restoreBackup.ts.
 */
import { migrations } from '../migrations'
import { closePayload, initPayload, prepareRuntime } from '../runtime'
import { ConfigurationError } from '../security/settings'
import { BackupError } from './backupFormat'
import { refuseIfEmbeddedInUse, resolveTarget } from './backupTarget'
import { restoreBackup, verifyBackupFolder } from './restoreBackup'

export const restoreUsage = 'Cách dùng: npm run restore -- <thư mục bản sao lưu> [--force]   (--force: thay thế dữ liệu đang có)'

/** Returns the process exit status. */
export const restoreCommand = async ({ args, env = process.env }: { args: string[]; env?: NodeJS.ProcessEnv }): Promise<number> => {
  const folder = args.find((arg) => !arg.startsWith('--'))
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--force')
  if (!folder || unknown.length > 0) {
    console.error(restoreUsage)
    return 2
  }
  const target = resolveTarget({ env })
  try {
    // a broken backup is refused before any database is started or touched
    await verifyBackupFolder({ folder })
    if (!target.databaseUrl) refuseIfEmbeddedInUse(target.pgliteDir)
    const runtime = await prepareRuntime({ env })
    try {
      await restoreBackup({
        applyMigrations: async () => {
          // the app's configuration for this environment, imported only now that it is set
          const { buildAppConfig } = await import('../../payload.config')
          const config = await buildAppConfig({ databaseUrl: env.DATABASE_URL, isEmbedded: env.DATABASE_EMBEDDED === 'true', secret: env.PAYLOAD_SECRET })
          // outside production Payload would regenerate src/payload-types.ts in the background
          config.typescript.autoGenerate = false
          const payload = await initPayload({ config, key: `restore-${Date.now()}` })
          await closePayload({ payload })
        },
        codeMigrations: migrations.map((migration) => migration.name),
        databaseUrl: env.DATABASE_URL ?? '',
        folder,
        isForce: args.includes('--force'),
        uploadsDir: target.uploadsDir,
      })
    } finally {
      await runtime.stopDatabase()
    }
    return 0
  } catch (error) {
    if (!(error instanceof BackupError) && !(error instanceof ConfigurationError)) throw error
    console.error(`Không khôi phục: ${error.message}`)
    return 1
  }
}
