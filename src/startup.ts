/** Which step of the start the process is in, for the watchdog's message in src/main.ts. */
export const startup = { step: 'bắt đầu' }

/** The demo data's first load: long on a slow machine but never stuck, so the watchdog does not count it. */
export const demoLoadStep = 'nạp dữ liệu demo'

/**
 * Calls `onStuck(step)` once the start has spent `timeoutMs` in steps other than the demo load.
 * The demo load was counted before: on two busy cores it passed 45 s, the start was ended and
 * started again, and the second start could not finish a demo cut short. Checked every `tickMs`.
 */
export const watchStartup = ({ onStuck, state = startup, tickMs = 1_000, timeoutMs }: { onStuck: (step: string) => void; state?: { step: string }; tickMs?: number; timeoutMs: number }) => {
  let counted = 0
  let last = Date.now()
  const timer = setInterval(() => {
    const now = Date.now()
    if (state.step !== demoLoadStep) counted += now - last
    last = now
    if (counted >= timeoutMs) {
      clearInterval(timer)
      onStuck(state.step)
    }
  }, tickMs)
  return { stop: () => clearInterval(timer) }
}
