/** Which step of the start the process is in, for the watchdog's message in src/main.ts. */
export const startup = { step: 'bắt đầu' }
