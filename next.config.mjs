import { withPayload } from '@payloadcms/next/withPayload'

/**
 * Payload's server packages stay outside the Next bundle in production too (withPayload does this
 * only in development): src/server.ts initialises Payload before Next starts, and the route
 * handlers must use that same module instance, or errors such as ValidationError lose their
 * field details when they cross from one copy of `payload` to the other.
 */
const payloadServerPackages = ['payload', '@payloadcms/db-postgres', '@payloadcms/drizzle', '@payloadcms/email-nodemailer', '@payloadcms/plugin-cloud-storage', '@payloadcms/storage-s3']

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: payloadServerPackages,
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
