/** The AWS SDK's options for the S3 settings, shared by Payload's adapter and the server's own reads. */
import type { S3ClientConfig } from '@aws-sdk/client-s3'

import type { S3Settings } from './settings'

/** Checksums only where S3 requires them: MinIO and other S3-compatible servers may not know the SDK's newer default ones. */
export const s3ClientConfig = (settings: S3Settings): S3ClientConfig => ({
  credentials: settings.credentials,
  endpoint: settings.endpoint,
  forcePathStyle: settings.forcePathStyle,
  region: settings.region,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
})
