/**
 * A non-null, non-array object whose fields can be read: the first check on anything that arrives from
 * outside (Open CTI answers, stored entries, the emulator's wire messages). The one definition.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
