/**
 * Synchronous argument checks with the real library's exact messages (opencti-api.md §1.5).
 * They throw before anything is posted, so a misuse fails at the call site like in an org.
 */

export const MSG_ONE_OBJECT = 'Must pass in only one object which holds arguments to this API method call.';
export const MSG_CALLBACK = 'Missing the required argument `callback`!';
export const MSG_LISTENER = 'Missing the required argument `listener`!';
export const MSG_VALUE = 'Missing the required argument `value object`!';
export const MSG_CHANNEL = 'The argument `channelName` must be a non-empty string!';
export const MSG_SUBSCRIPTION = 'The argument `subscription` must be an object!';
export const MSG_MESSAGE = 'The argument `message` must be a serializable object or null!';

/**
 * The one argument object every method takes: exactly one, of type object, with at least one key.
 * Like the library's check (`typeof` plus `Object.keys`), a non-empty array passes and null makes
 * `Object.keys` itself throw its TypeError.
 */
export function requireArgObject(callArgs: readonly unknown[]): Record<string, unknown> {
  const [arg] = callArgs;
  if (callArgs.length !== 1 || typeof arg !== 'object') throw new Error(MSG_ONE_OBJECT);
  if (arg === null) throw new TypeError('Cannot convert undefined or null to object');
  if (Object.keys(arg).length === 0) throw new Error(MSG_ONE_OBJECT);
  return arg as Record<string, unknown>;
}

/**
 * enableClickToDial, disableClickToDial, refreshView: the argument may be left out entirely, but one
 * that is passed is checked like any other (so `undefined` or `{}` as an argument throws).
 */
export function optionalArgObject(callArgs: readonly unknown[]): Record<string, unknown> {
  return callArgs.length === 0 ? {} : requireArgObject(callArgs);
}

export type AnyFunction = (...args: never[]) => unknown;

export function isFunction(value: unknown): value is AnyFunction {
  return typeof value === 'function';
}

export function requireFunction(value: unknown, message: string): AnyFunction {
  if (!isFunction(value)) throw new Error(message);
  return value;
}

export function requireChannelName(value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new Error(MSG_CHANNEL);
  return value;
}

/**
 * `publish` deep-copies a truthy message through JSON (a JSON failure is rethrown with its own
 * message); what does not come back as an object (or null) is refused. A falsy message (undefined,
 * null, 0, '', false) is dropped: the host receives no message.
 */
export function serializeMessage(message: unknown): unknown {
  if (!message) return undefined;
  let copy: unknown;
  try {
    copy = JSON.parse(JSON.stringify(message)) as unknown;
  } catch (error) {
    throw new Error(error instanceof Error ? error.message : String(error));
  }
  if (typeof copy !== 'object') throw new Error(MSG_MESSAGE);
  return copy;
}
