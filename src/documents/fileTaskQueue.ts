/** The queue the papers and imports made in the background wait in (src/documents/fileTasks.ts, collections/units/importJob.ts). */
export const fileTasksQueue = 'files'
