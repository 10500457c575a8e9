/**
 * The Payload configuration: collections, the PostgreSQL adapter (migrations only, never push),
 * e-mail, and the admin in Vietnamese by default with English available.
 * The database URL and secret come from the environment; for the embedded default src/runtime.ts
 * sets them before Payload starts (the URL is read when the pool is created).
 */
import path from 'node:path'

import { postgresAdapter } from '@payloadcms/db-postgres'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import nodemailer from 'nodemailer'
import { buildConfig } from 'payload'

import { benchExtras } from './bench/bareCollection'
import { AuditEvents } from './collections/audit-events'
import { Authorities } from './collections/authorities'
import { CriteriaSets } from './collections/criteria-sets'
import { Decisions } from './collections/decisions'
import { DocumentTemplates } from './collections/document-templates'
import { Evidence } from './collections/evidence'
import { Holidays } from './collections/holidays'
import { LegalDocuments } from './collections/legal-documents'
import { MessageTemplates } from './collections/message-templates'
import { Outbox } from './collections/outbox'
import { FileTasks } from './collections/file-tasks'
import { Recognitions } from './collections/recognitions'
import { Reviews } from './collections/reviews'
import { Rounds } from './collections/rounds'
import { SelfAssessments } from './collections/self-assessments'
import { Tiers } from './collections/tiers'
import { UnitTypes } from './collections/unit-types'
import { Units } from './collections/units'
import { Users } from './collections/users'
import { withApiTabForAdmins } from './collections/access/navigation'
import { withResolvedLabels } from './collections/labels'
import { withScopedRelations } from './collections/scopedRelations'
import { translateErrors } from './hooks/errorMessages'
import { guardEveryCollection, inputErrorLogging, withInputGuards } from './hooks/inputGuards'
import { limitTransactions, pgPoolOptions, poolSettingsFromEnv } from './src/db/pool'
import { readReplicaUrls } from './src/db/readReplicas'
import { markIconUrl, productDescription, productName } from './src/admin/brand'
import { vietnameseOverrides } from './src/admin/translations'
import { defaultTemplateEndpoint, documentTypesEndpoint } from './src/documents/endpoints'
import { migrations } from './src/migrations'
import { productJobs } from './src/jobs'
import { registerNotificationListeners } from './src/notifications/listeners'
import { findProjectRoot } from './src/projectRoot'
import { storagePlugins } from './src/storage'

// the project root, also when this file runs bundled into dist/
const dirname = findProjectRoot(import.meta.url)

/**
 * Mail through nodemailer from SMTP_URL (smtp://user:pass@host:port) or SMTP_HOST/PORT/USER/PASS.
 * Without either, the outbox keeps every message as an in-app notification, marked not sent.
 */
const smtpEmail = () => {
  const url = process.env.SMTP_URL
  const host = process.env.SMTP_HOST
  if (!url && !host) return undefined // without SMTP Payload writes outgoing mail to the log
  return nodemailerAdapter({
    defaultFromAddress: process.env.SMTP_FROM ?? 'no-reply@localhost',
    defaultFromName: process.env.SMTP_FROM_NAME ?? 'Đơn vị học tập',
    // the delivery job finds out about an unreachable server, retries and shows it; the start does not wait for it
    skipVerify: true,
    ...(url
      ? { transport: nodemailer.createTransport(url) }
      : {
          transportOptions: {
            auth: process.env.SMTP_USER ? { pass: process.env.SMTP_PASS, user: process.env.SMTP_USER } : undefined,
            host,
            port: Number(process.env.SMTP_PORT ?? 587),
            secure: process.env.SMTP_SECURE === 'true',
          },
        }),
  })
}

export const buildAppConfig = ({
  databaseUrl,
  isEmbedded = process.env.DATABASE_EMBEDDED === 'true',
  secret,
}: {
  databaseUrl: string | undefined
  isEmbedded?: boolean
  secret: string | undefined
}) =>
  buildConfig({
    admin: {
      avatar: 'default',
      // each role starts on its own work (src/components/dashboard); our mark and name instead of Payload's;
      // the menu lists what the user's role works with (collections/access/navigation.ts)
      components: {
        // the user's own notifications, with the unread count (src/components/admin/NotificationBell.tsx)
        actions: ['@/components/admin/NotificationBell#NotificationBell'],
        graphics: { Icon: '@/components/admin/Graphics#AppIcon', Logo: '@/components/admin/Graphics#AppLogo' },
        Nav: '@/components/admin/RoleNav#RoleNav',
        views: { dashboard: { Component: '@/components/dashboard/Dashboard#Dashboard' } },
      },
      dateFormat: 'dd/MM/yyyy',
      importMap: { baseDir: dirname },
      // our name, description and mark in the browser tab and in a shared link, not Payload's
      meta: {
        defaultOGImageType: 'off',
        description: productDescription,
        icons: [{ rel: 'icon', type: 'image/svg+xml', url: markIconUrl }],
        openGraph: { description: productDescription, siteName: productName },
        titleSuffix: ` · ${productName}`,
      },
      user: Users.slug,
    },
    // every collection refuses malformed ids, filters and documents before its own hooks run (hooks/inputGuards.ts);
    // for the admin, its labels are resolved per language (collections/labels.ts), a relation the viewer may not
    // read is named as such (collections/scopedRelations.ts), and its API tab is the system administrator's
    // (`npm run bench` alone adds its bare baseline collection: BENCH_BASELINE=true, bench/bareCollection.ts)
    collections: [
      ...withInputGuards([Rounds, SelfAssessments, Reviews, Decisions, Recognitions, Evidence, LegalDocuments, DocumentTemplates, Authorities, Units, Tiers, UnitTypes, CriteriaSets, Users, AuditEvents, Outbox, MessageTemplates, Holidays, FileTasks]).map((collection) =>
        withApiTabForAdmins(withScopedRelations(withResolvedLabels(collection))),
      ),
      ...benchExtras().collections,
    ],
    // the pool's size and timeouts come from the environment; at most max − 2 transactions are open
    // at once, so that no number of concurrent saves can lock the pool up (src/db/pool.ts)
    db: limitTransactions({
      adapter: postgresAdapter({
        migrationDir: path.resolve(dirname, 'src/migrations'),
        pool: {
          // read when the pool is created (Payload's connect), not when this file is imported:
          // the embedded database's URL exists only after it has started
          get connectionString() {
            return databaseUrl ?? process.env.DATABASE_URL
          },
          ...pgPoolOptions({ settings: poolSettingsFromEnv({ isEmbedded }) }),
        },
        prodMigrations: [...migrations, ...benchExtras().migrations],
        // the schema is owned by committed migrations; push mode would prompt and hang on it
        push: false,
        // DATABASE_READ_URL: reads outside a transaction from the replicas (src/db/readReplicas.ts)
        readReplicas: isEmbedded ? undefined : readReplicaUrls(),
        // PGlite runs one transaction at a time across all connections: a query Payload makes outside
        // an open transaction then waits for it forever (seen publishing a criteria set). The
        // embedded default therefore runs without transactions; PostgreSQL keeps them.
        transactionOptions: isEmbedded ? false : undefined,
      }),
      isEmbedded,
      settings: poolSettingsFromEnv({ isEmbedded }),
    }),
    // the generated papers' types and their data models, and the built-in default templates (src/documents/endpoints.ts)
    endpoints: [documentTypesEndpoint, defaultTemplateEndpoint],
    // No rich-text editor yet: no field uses one, and initialising @payloadcms/richtext-lexical 3.90
    // hung the start in 3 of 6 embedded starts under CPU load (0 of 12 without it). Add
    // `editor: lexicalEditor()` with the first richText field, and rerun that check (see the note).
    email: smtpEmail(),
    // the same operations, access and hooks as REST; no playground, no introspection in production,
    // and a complexity ceiling so that one query cannot fan out over the whole database
    graphQL: { disableIntrospectionInProduction: true, disablePlaygroundInProduction: true, maxComplexity: 1000 },
    // the notifications' delivery and reminders (src/notifications/jobs.ts)
    jobs: productJobs,
    // every message is written by the domain events' listeners (the seeded wording and holidays: src/runtime.ts)
    onInit: () => registerNotificationListeners(),
    // uploads in an S3-compatible bucket when S3_BUCKET is set, else on local disk (src/storage/)
    plugins: storagePlugins(),
    // errors in Vietnamese naming the field and row; bad input at the database → 4xx, an unreachable database → 503
    hooks: { afterError: [translateErrors] },
    // PAYLOAD_LOG_LEVEL (e.g. `warn` in the integration tests, whose thousands of deliberate refusals
    // would otherwise be pretty-printed one by one) sets the level; unset keeps Payload's own logger
    logger: process.env.PAYLOAD_LOG_LEVEL ? { options: { level: process.env.PAYLOAD_LOG_LEVEL } } : undefined,
    // a refusal is the caller's business, not the server's: one line, no stack trace
    loggingLevels: { ...inputErrorLogging, AuthenticationError: 'info', Forbidden: 'info', LockedAuth: 'info', NotFound: 'info', QueryError: 'info', ValidationError: 'info' },
    // Payload's own Vietnamese, with the English words it leaves on screen put right (src/admin/translations.ts)
    i18n: { fallbackLanguage: 'vi', supportedLanguages: { en, vi }, translations: { vi: vietnameseOverrides } },
    secret: secret ?? process.env.PAYLOAD_SECRET ?? '',
    telemetry: false,
    // types are generated on purpose (`npm run generate:types`), never in the background at every start
    typescript: { autoGenerate: false, outputFile: path.resolve(dirname, 'src/payload-types.ts') },
  }).then(guardEveryCollection)

export default buildAppConfig({ databaseUrl: undefined, secret: undefined })
