/** The part of @20minutes/s3rver (an S3-compatible server in Node, no types of its own) the two-node test uses. */
declare module '@20minutes/s3rver' {
  export type S3rverOptions = {
    address?: string
    port?: number
    directory?: string
    silent?: boolean
    configureBuckets?: { name: string; configs?: string[] }[]
  }
  export default class S3rver {
    constructor(options: S3rverOptions)
    run(): Promise<{ address: string; port: number }>
    close(): Promise<void>
  }
}
