/**
 * Keeps the event loop alive while the app's modules load. @payloadcms/richtext-lexical 3.90 awaits,
 * at import time, something that holds no reference on the loop: with nothing else open (stdin at
 * /dev/null, output to a file — a container, CI, a service) Node found the loop empty and exited
 * with code 13 ("unsettled top-level await") before the server started. Entries hold the loop,
 * then import the app dynamically so its dependencies load after the hold.
 */
export const holdEventLoop = () => {
  const timer = setInterval(() => {}, 60_000)
  return () => clearInterval(timer)
}
