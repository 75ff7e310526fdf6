/**
 * How the library decides it runs inside the frame Lightning created: the query string Lightning
 * appends (`sfdcIframeOrigin`, `mode`) and the origin rules of the real opencti_min.js (API 57 list).
 */
import { INIT_FAILURE } from '../shared/protocol';

/** Parsed like the real library: split on & and =, decodeURIComponent, no `+` handling, repeats → array. */
export function parseQuery(search: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (query === '') return out;
  for (const pair of query.split('&')) {
    const [rawKey = '', rawValue = ''] = pair.split('=');
    const key = decodeURIComponent(rawKey);
    const value = decodeURIComponent(rawValue);
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else if (Array.isArray(previous)) previous.push(value);
    else out[key] = [previous, value];
  }
  return out;
}

const SALESFORCE_ORIGIN =
  /^https?:\/\/[\w.-]+(\.force\.com|\.visualforce\.com|\.my-visualforce\.com|\.my-lightning\.com|\.salesforce\.com|\.my-salesforce\.com|\.salesforce\.mil|\.salesforce\.ms|\.crmforce\.mil|\.crmforce\.ms)(:\d+)?$/;

/**
 * Emulator deviation (documented in docs/emulator.md): the local host runs on localhost /
 * 127.0.0.1, which the real list rejects. Everything else about the check is kept identical.
 */
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/;

export function isAllowedOrigin(origin: string, pageProtocol: string): boolean {
  if (!SALESFORCE_ORIGIN.test(origin) && !LOCAL_ORIGIN.test(origin)) return false;
  // An https adapter only accepts an https parent and vice versa.
  return origin.startsWith(pageProtocol);
}

export interface FrameParams {
  sfdcIframeOrigin: string;
  mode: string;
}

/** Throws the real library's string (not an Error) when the frame parameters are unusable. */
export function readFrameParams(search: string, pageProtocol: string): FrameParams {
  let query: Record<string, string | string[]>;
  try {
    query = parseQuery(search);
  } catch {
    // A malformed %-escape: the frame was not built by Lightning.
    throw INIT_FAILURE;
  }
  const origin = query.sfdcIframeOrigin;
  const mode = query.mode;
  if (typeof origin !== 'string' || typeof mode !== 'string' || mode === '') throw INIT_FAILURE;
  if (!isAllowedOrigin(origin, pageProtocol)) throw INIT_FAILURE;
  return { sfdcIframeOrigin: origin, mode };
}
