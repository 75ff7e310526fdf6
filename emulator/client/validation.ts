/**
 * Synchronous argument checks with the real library's exact messages (opencti-api.md §1.5).
 * They throw before anything is posted, so a misuse fails at the call site like in an org.
 */
import { isRecord } from '../shared/protocol';

export const MSG_ONE_OBJECT = 'Must pass in only one object which holds arguments to this API method call.';
export const MSG_CALLBACK = 'Missing the required argument `callback`!';
export const MSG_LISTENER = 'Missing the required argument `listener`!';
export const MSG_VALUE = 'Missing the required argument `value object`!';
export const MSG_CHANNEL = 'The argument `channelName` must be a non-empty string!';
export const MSG_SUBSCRIPTION = 'The argument `subscription` must be an object!';
export const MSG_MESSAGE = 'The argument `message` must be a serializable object or null!';

/** The one argument object every method takes: exactly one, an object, and not empty. */
export function requireArgObject(callArgs: readonly unknown[]): Record<string, unknown> {
  const [arg] = callArgs;
  if (callArgs.length !== 1 || !isRecord(arg) || Object.keys(arg).length === 0) throw new Error(MSG_ONE_OBJECT);
  return arg;
}

/** enableClickToDial, disableClickToDial, refreshView, notifyInitializationComplete may omit it. */
export function optionalArgObject(callArgs: readonly unknown[]): Record<string, unknown> {
  if (callArgs.length === 0 || (callArgs.length === 1 && callArgs[0] === undefined)) return {};
  const [arg] = callArgs;
  if (callArgs.length !== 1 || !isRecord(arg)) throw new Error(MSG_ONE_OBJECT);
  return arg;
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

/** `publish` deep-copies the message through JSON; what does not survive as an object (or null) is refused. */
export function serializeMessage(message: unknown): unknown {
  if (message === undefined) return undefined;
  let copy: unknown;
  try {
    copy = JSON.parse(JSON.stringify(message)) as unknown;
  } catch {
    throw new Error(MSG_MESSAGE);
  }
  if (copy !== null && typeof copy !== 'object') throw new Error(MSG_MESSAGE);
  return copy;
}
