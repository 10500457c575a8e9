/**
 * docker-compose.yml and deploy/nginx.conf read as Docker and nginx would (no Docker engine here):
 * the default stays one app container; the `production` profile has PostgreSQL 16, MinIO with its
 * bucket, a one-shot migration, two stateless nodes without jobs, a worker and nginx balancing over
 * exactly those nodes; and each node's environment passes the app's own start checks.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'
import YAML from 'yaml'

import { readReplicaUrls } from '@/db/readReplicas'
import { isAutoRunOn } from '@/notifications/settings'
import { readStorageSettings } from '@/storage/settings'

const root = fileURLToPath(new URL('../../../', import.meta.url))

type Service = {
  command?: string[]
  depends_on?: Record<string, { condition: string; required?: boolean }>
  entrypoint?: string[]
  environment?: Record<string, string | number>
  healthcheck?: { test: string[] }
  image?: string
  profiles?: string[]
  volumes?: string[]
}

const compose = YAML.parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> }
const services = compose.services
const nginxConf = fs.readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8')
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8')

/** `${NAME:-default}` and `${NAME:?message}` as Compose fills them from `given`. */
const interpolate = ({ given, value }: { given: Record<string, string>; value: string | number }) =>
  String(value).replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_all, name: string, kind: string | undefined, rest: string | undefined) => {
    if (given[name]) return given[name]
    if (kind === '?') throw new Error(`${name} is required: ${rest}`)
    return kind === '-' ? (rest ?? '') : ''
  })

const operator = { POSTGRES_PASSWORD: 'pg-password', PAYLOAD_SECRET: 'a'.repeat(8) + 'bcdefghijklmnopqrstuvwxyz0123456', S3_ACCESS_KEY_ID: 'dvht', S3_SECRET_ACCESS_KEY: 'minio-secret-key' }
const envOf = (name: string) => Object.fromEntries(Object.entries(services[name].environment ?? {}).map(([key, value]) => [key, interpolate({ given: operator, value })]))

const inProfile = (profile: string) => Object.keys(services).filter((name) => services[name].profiles?.includes(profile))
const upstreamServers = [...nginxConf.matchAll(/^\s*server\s+([\w-]+):(\d+)/gm)].map((match) => ({ host: match[1], port: match[2] }))
const nodes = inProfile('production').filter((name) => envOf(name).PORT === '3000')

describe('docker-compose.yml', () => {
  it('keeps the default as it was: one app container and PostgreSQL 16, nothing else without a profile', () => {
    expect(Object.keys(services).filter((name) => !services[name].profiles)).toEqual(['db', 'app'])
    expect(services.db.image).toBe('postgres:16')
    expect(services.app.environment?.S3_BUCKET).toBeUndefined()
  })

  it('has a production profile: MinIO and its bucket, a one-shot migration, two nodes, a worker and nginx', () => {
    expect(new Set(inProfile('production'))).toEqual(new Set(['worker', 'migrate', 'node-1', 'node-2', 'nginx', 'minio', 'minio-init']))
    expect(nodes).toEqual(['node-1', 'node-2'])
    expect(services.minio.image).toMatch(/^minio\/minio:RELEASE\./)
    expect(services['minio-init'].entrypoint?.join(' ')).toContain('mc mb --ignore-existing')
    expect(services['minio-init'].depends_on?.minio.condition).toBe('service_healthy')
    expect(services.migrate.command).toEqual(['node', 'dist/scripts/migrate.mjs'])
    expect(services.worker.command).toEqual(['node', 'dist/scripts/worker.mjs'])
    expect(services.worker.depends_on?.migrate).toEqual({ condition: 'service_completed_successfully', required: false })
  })

  it.each(['node-1', 'node-2'])('%s is stateless, runs no jobs, waits for the migration and the bucket, and its settings pass the start checks', (name) => {
    const node = services[name]
    const env = envOf(name)
    expect(node.volumes ?? []).toEqual([])
    expect(node.depends_on).toEqual({
      db: { condition: 'service_healthy' },
      migrate: { condition: 'service_completed_successfully' },
      'minio-init': { condition: 'service_completed_successfully' },
    })
    expect(node.healthcheck?.test.join(' ')).toContain('/healthz')
    expect(isAutoRunOn(env)).toBe(false)
    expect(env.TRUST_PROXY).toBe('1')
    expect(readStorageSettings({ env })).toMatchObject({ bucket: 'don-vi-hoc-tap', endpoint: 'http://minio:9000', forcePathStyle: true, kind: 's3' })
    expect(readReplicaUrls({ env })).toBeUndefined()
    expect(readReplicaUrls({ env: { ...env, DATABASE_READ_URL: 'postgres://u:p@replica:5432/donvihoctap' } })).toEqual(['postgres://u:p@replica:5432/donvihoctap'])
    // MinIO's root account is the one the nodes sign with
    expect(envOf('minio').MINIO_ROOT_USER).toBe(env.S3_ACCESS_KEY_ID)
    expect(envOf('minio').MINIO_ROOT_PASSWORD).toBe(env.S3_SECRET_ACCESS_KEY)
    expect(envOf('minio-init').S3_BUCKET).toBe(env.S3_BUCKET)
  })

  it('gives the worker the primary only, never a read replica', () => {
    expect(envOf('worker').DATABASE_READ_URL).toBeUndefined()
  })

  it('puts nginx in front of exactly the nodes, after their health checks, with its own on /healthz', () => {
    expect(services.nginx.volumes).toContain('./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro')
    expect(upstreamServers).toEqual(nodes.map((host) => ({ host, port: '3000' })))
    expect(services.nginx.depends_on).toEqual(Object.fromEntries(nodes.map((host) => [host, { condition: 'service_healthy' }])))
    expect(services.nginx.healthcheck?.test.join(' ')).toContain('/healthz')
    expect(nginxConf).toMatch(/location = \/healthz \{\s*proxy_pass http:\/\/app_nodes;/)
    expect(nginxConf).toMatch(/proxy_next_upstream error timeout http_502 http_503;/)
    // a 20 MB evidence file must pass the proxy
    expect(Number(/client_max_body_size (\d+)m;/.exec(nginxConf)?.[1])).toBeGreaterThanOrEqual(20)
  })

  it('documents every setting of a node in the README', () => {
    for (const name of ['S3_BUCKET', 'S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'DATABASE_READ_URL', 'JOBS_INTERVAL_SECONDS']) {
      expect(readme, name).toContain(`\`${name}\``)
    }
    expect(readme).toContain('docker compose --profile production up -d --build nginx worker')
  })
})
