/**
 * The org's JSON endpoints, served on the host (Lightning) origin only. Host pages read and write
 * the org through them; the adapter origin gets a 404, and writes need `Content-Type:
 * application/json`, which a cross-origin page cannot send without a CORS preflight this server
 * never answers — so an adapter-origin script (a forged tab, a test's attacker page) cannot
 * touch the org directly. Every body is size-limited and shape-checked; bad input gets a 4xx with
 * a sentence saying what was wrong, and changes nothing.
 *
 *   GET  /emulator/org                 → {version, records}
 *   GET  /emulator/org/events          → text/event-stream of OrgChange (a full snapshot first)
 *   POST /emulator/org/save-log        {object}                    → SaveLogOutcome
 *   POST /emulator/org/records         {objectType, fields}        → {record, version}
 *   POST /emulator/org/find-call-log   {callObject}                → {taskId}  ('' when none)
 *   POST /emulator/org/faults          {failNextSaveLogs?: {count, description?},
 *                                       saveLogCommit?: {afterMs, answer}} → {saveLogCommit}
 *   POST /emulator/org/reset           {}                          → OrgChange (the fresh snapshot)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRecord } from '../shared/protocol';
import type { FieldValue } from '../host/data';
import { isFieldValue } from './task-rules';
import type { Org, OrgChange, SaveLogCommit } from './org';

export const ORG_PREFIX = '/emulator/org';
const MAX_BODY_BYTES = 256 * 1024;
const MAX_NAME = 80;

class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  });
  res.end(JSON.stringify(body));
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return Promise.reject(new BadRequest(415, 'Send the body as Content-Type: application/json.'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Keep reading (and dropping) so the client gets the 413 instead of a reset connection.
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (tooLarge) {
        reject(new BadRequest(413, `The body is larger than ${MAX_BODY_BYTES} bytes.`));
        return;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        reject(new BadRequest(400, 'The body is not valid JSON.'));
        return;
      }
      if (!isRecord(parsed)) reject(new BadRequest(400, 'The body must be a JSON object.'));
      else resolve(parsed);
    });
  });
}

function nameField(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  if (typeof value !== 'string' || !/^\w{1,80}$/.test(value))
    throw new BadRequest(400, `${key} must be an API name (letters, digits, _; 1–${MAX_NAME} characters).`);
  return value;
}

function fieldsOf(value: unknown): Record<string, FieldValue> {
  if (!isRecord(value))
    throw new BadRequest(400, 'fields must be an object of field name → string, number, boolean or null.');
  const fields: Record<string, FieldValue> = {};
  for (const [key, field] of Object.entries(value)) {
    if (!/^\w{1,80}$/.test(key))
      throw new BadRequest(400, `Field name ${JSON.stringify(key.slice(0, MAX_NAME))} is not an API name.`);
    if (!isFieldValue(field))
      throw new BadRequest(400, `Field ${key} must be a string, number, boolean or null.`);
    fields[key] = field;
  }
  return fields;
}

function commitOf(value: unknown): SaveLogCommit {
  if (!isRecord(value)) throw new BadRequest(400, 'saveLogCommit must be {afterMs, answer}.');
  const { afterMs, answer } = value;
  if (typeof afterMs !== 'number' || !Number.isFinite(afterMs))
    throw new BadRequest(400, 'saveLogCommit.afterMs must be a number of milliseconds.');
  if (answer !== 'afterCommit' && answer !== 'never')
    throw new BadRequest(400, "saveLogCommit.answer must be 'afterCommit' or 'never'.");
  return { afterMs, answer };
}

function applyFaults(org: Org, body: Record<string, unknown>): void {
  const { failNextSaveLogs, saveLogCommit } = body;
  let fail: { count: number; description: string | undefined } | null = null;
  if (failNextSaveLogs !== undefined) {
    if (
      !isRecord(failNextSaveLogs) ||
      typeof failNextSaveLogs.count !== 'number' ||
      !Number.isFinite(failNextSaveLogs.count) ||
      failNextSaveLogs.count < 0 ||
      failNextSaveLogs.count > 1000
    ) {
      throw new BadRequest(400, 'failNextSaveLogs must be {count: 0–1000, description?: string}.');
    }
    const description = failNextSaveLogs.description;
    if (description !== undefined && (typeof description !== 'string' || description.length > 1000))
      throw new BadRequest(400, 'failNextSaveLogs.description must be a string of at most 1000 characters.');
    fail = { count: failNextSaveLogs.count, description };
  }
  const commit = saveLogCommit === undefined ? null : commitOf(saveLogCommit);
  // Validate everything before changing anything: a half-applied fault set would mislead a test.
  if (commit) {
    try {
      org.setSaveLogCommit(commit);
    } catch (err) {
      throw new BadRequest(400, err instanceof Error ? err.message : String(err));
    }
  }
  if (fail) org.failNextSaveLogs(fail.count, fail.description);
}

/** Server-sent events: the replica gets a snapshot on connect, then every change in order. */
function streamEvents(
  org: Org,
  req: IncomingMessage,
  res: ServerResponse,
  streams: Set<ServerResponse>
): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff'
  });
  const write = (change: OrgChange): void => {
    res.write(`data: ${JSON.stringify(change)}\n\n`);
  };
  write(org.snapshot());
  const unsubscribe = org.onChange(write);
  streams.add(res);
  const stop = (): void => {
    unsubscribe();
    streams.delete(res);
  };
  req.on('close', stop);
  res.on('close', stop);
}

export class OrgRoutes {
  private readonly streams = new Set<ServerResponse>();

  constructor(private readonly org: Org) {}

  handles(path: string): boolean {
    return path === ORG_PREFIX || path.startsWith(`${ORG_PREFIX}/`);
  }

  /** Ends the event streams so the server can close. */
  close(): void {
    for (const res of [...this.streams]) res.end();
    this.streams.clear();
  }

  async handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    try {
      await this.route(req, res, path);
    } catch (err) {
      if (res.headersSent) {
        res.end();
        return;
      }
      if (err instanceof BadRequest) sendJson(res, err.status, { error: err.message });
      else
        sendJson(res, 500, {
          error: `Internal emulator error: ${err instanceof Error ? err.message : String(err)}`
        });
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const org = this.org;
    const method = req.method ?? 'GET';
    const action = path.slice(ORG_PREFIX.length);
    if (method === 'GET' && action === '')
      return sendJson(res, 200, { version: org.version, records: org.records() });
    if (method === 'GET' && action === '/events') return streamEvents(org, req, res, this.streams);
    const known = ['/save-log', '/records', '/find-call-log', '/faults', '/reset'];
    if (!known.includes(action)) throw new BadRequest(404, `No org endpoint ${path}.`);
    if (method !== 'POST') throw new BadRequest(405, `${path} takes POST.`);
    const body = await readJson(req);
    switch (action) {
      case '/save-log': {
        if (!('object' in body)) throw new BadRequest(400, 'Send {object}: the saveLog value.');
        return sendJson(res, 200, await org.saveLog(body.object));
      }
      case '/records':
        return sendJson(res, 200, org.createRecord(nameField(body, 'objectType'), fieldsOf(body.fields)));
      case '/find-call-log': {
        const callObject = body.callObject;
        if (typeof callObject !== 'string' || callObject.length > 255)
          throw new BadRequest(400, 'callObject must be a string of at most 255 characters.');
        return sendJson(res, 200, { taskId: org.findCallLog(callObject) });
      }
      case '/faults':
        applyFaults(org, body);
        return sendJson(res, 200, { saveLogCommit: org.saveLogCommit });
      default:
        org.reset();
        return sendJson(res, 200, org.snapshot());
    }
  }
}
