/** Generated paperwork: the document types and their data models, template checks and choice, wording, report sums. */
export * from './placeholders'
export * from './report'
export * from './resolve'
export * from './types'
export * from './wording'
export * from './progress'
