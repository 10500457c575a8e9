/**
 * A lookup whose "not found" (a missing id, or one the input guard refused as no id at all) is an
 * ordinary answer — null — while any other failure, a database that does not answer among them,
 * still fails the request (answered 503 by hooks/errorMessages.ts), never a misleading 404 or 400.
 */
export const nullIfNotFound = async <T>(lookup: Promise<T>): Promise<T | null> => {
  try {
    return await lookup
  } catch (error) {
    if ((error as { name?: string } | null)?.name === 'NotFound') return null
    throw error
  }
}
