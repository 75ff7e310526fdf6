/**
 * The emulator's org on the server: one per run, shared by every host page. The class itself
 * (saveLog rules, the findCallLog lookup, faults, commit delays, reset) and its HTTP endpoints
 * (input validation, origin, the event stream every tab's replica follows).
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { SEED_IDS } from '../../emulator/host/data';
import { Org, type OrgChange } from '../../emulator/server/org';
import { startEmulator, type RunningEmulator } from '../../emulator/server/server';
import { fixtureOptions } from './harness';

const call = (callObject: string, extra: Record<string, unknown> = {}) => ({
  entityApiName: 'Task',
  Subject: 'Call',
  TaskSubtype: 'Call',
  CallType: 'Outbound',
  CallObject: callObject,
  ...extra
});

describe('Org', () => {
  it('creates and updates Tasks by the org rules, and findCallLog finds them by CallObject', async () => {
    const org = new Org();
    const created = await org.saveLog(call('c-1', { WhoId: SEED_IDS.ada }));
    assert.equal(created.response.success, true);
    assert.equal(created.deliver, true);
    const id = created.record!.Id;
    assert.match(id, /^00T\w{15}$/);
    assert.equal(created.record!.fields.Status, 'Not Started', 'the Task object default, nothing else');
    assert.equal(org.findCallLog('c-1'), id);
    assert.equal(org.findCallLog('c-2'), '');

    const updated = await org.saveLog({ Id: id, CallDisposition: 'Completed' });
    assert.equal(updated.response.success, true);
    assert.equal(org.tasks()[0]!.fields.CallDisposition, 'Completed');
    assert.equal(org.tasks().length, 1);

    const bad = await org.saveLog(call('c-3', { WhoId: SEED_IDS.acme, CallType: 'Sideways' }));
    assert.equal(bad.response.success, false);
    assert.match(
      JSON.stringify(bad.response.errors),
      /FIELD_INTEGRITY_EXCEPTION.*INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST|INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST.*FIELD_INTEGRITY_EXCEPTION/
    );
    assert.equal(org.tasks().length, 1, 'a refused save writes nothing');
    assert.deepEqual(
      org.saveLogRequests().map((r) => r.outcome),
      ['created', 'updated', 'failed']
    );
  });

  it('hands out copies: changing what it returned does not change the org', async () => {
    const org = new Org();
    await org.saveLog(call('c-1'));
    org.tasks()[0]!.fields.Subject = 'tampered';
    org.records().pop();
    assert.equal(org.tasks()[0]!.fields.Subject, 'Call');
  });

  it('fails the next N saves whichever page sends them, then saves again', async () => {
    const org = new Org();
    org.failNextSaveLogs(2, 'Injected');
    for (let i = 0; i < 2; i += 1) {
      const r = await org.saveLog(call(`c-${i}`));
      assert.equal(r.response.success, false);
      assert.equal(r.response.errors?.[0]?.description, 'Injected');
    }
    assert.equal((await org.saveLog(call('c-9'))).response.success, true);
    assert.equal(org.tasks().length, 1);
  });

  it('commits a slow save only after its delay, answered after the commit or never', async () => {
    const org = new Org();
    org.setSaveLogCommit({ afterMs: 150, answer: 'afterCommit' });
    const started = Date.now();
    const pending = org.saveLog(call('slow'));
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(org.findCallLog('slow'), '', 'not committed yet: a lookup now finds nothing');
    const outcome = await pending;
    assert.ok(Date.now() - started >= 140, 'answered after the commit');
    assert.equal(outcome.deliver, true);
    assert.notEqual(org.findCallLog('slow'), '');

    org.setSaveLogCommit({ afterMs: 0, answer: 'never' });
    const lost = await org.saveLog(call('lost'));
    assert.equal(lost.deliver, false, 'the answer never reaches the adapter');
    assert.notEqual(org.findCallLog('lost'), '', 'but the Task exists');

    assert.throws(() => org.setSaveLogCommit({ afterMs: -1, answer: 'never' }), RangeError);
    assert.throws(() => org.setSaveLogCommit({ afterMs: 1e9, answer: 'never' }), RangeError);
    assert.deepEqual(org.saveLogCommit, { afterMs: 0, answer: 'never' }, 'a refused setting changes nothing');
  });

  it('reset goes back to the seed data, drops saves still waiting to commit and tells every listener', async () => {
    const org = new Org();
    const changes: OrgChange[] = [];
    org.onChange((c) => changes.push(c));
    await org.saveLog(call('before'));
    org.setSaveLogCommit({ afterMs: 60_000, answer: 'afterCommit' });
    const waiting = org.saveLog(call('waiting'));
    org.reset();
    const dropped = await waiting; // resolves at once: no timer is left running
    assert.equal(dropped.deliver, false);
    assert.equal(org.tasks().length, 0);
    assert.deepEqual(org.saveLogCommit, { afterMs: 0, answer: 'afterCommit' });
    assert.deepEqual(
      changes.map((c) => c.reset),
      [false, true]
    );
    assert.ok(changes[1]!.version > changes[0]!.version, 'versions order the changes');
    org.close();
  });
});

/** A request to the emulator as either origin (the server tells them apart by Host). */
function send(
  port: number,
  host: string,
  method: string,
  path: string,
  body?: string,
  type = 'application/json'
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host: `${host}:${port}` };
    if (body !== undefined) headers['content-type'] = type;
    const req = request({ host: '127.0.0.1', port, path, method, headers, timeout: 3000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        let json: Record<string, unknown> = {};
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          json = { raw: text };
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${path}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Reads the first `count` events of the org's event stream, then disconnects. */
function readEvents(port: number, count: number, onOpen: () => void): Promise<OrgChange[]> {
  return new Promise((resolve, reject) => {
    const events: OrgChange[] = [];
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/emulator/org/events',
        headers: { host: `localhost:${port}` },
        timeout: 3000
      },
      (res) => {
        assert.match(String(res.headers['content-type']), /^text\/event-stream/);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.startsWith('data: ')) events.push(JSON.parse(frame.slice(6)) as OrgChange);
            if (events.length === 1) onOpen();
            if (events.length === count) {
              req.destroy();
              resolve(events);
              return;
            }
          }
        });
      }
    );
    req.on('timeout', () => req.destroy(new Error('event stream timed out')));
    req.on('error', (err) => (events.length >= count ? undefined : reject(err)));
    req.end();
  });
}

describe('org endpoints', () => {
  let emulator: RunningEmulator;
  before(async () => {
    emulator = await startEmulator(fixtureOptions);
  });
  after(async () => {
    await emulator?.close();
  });
  beforeEach(() => emulator.org.reset());

  it('writes through HTTP land in the one org that every page and the test process read', async () => {
    const saved = await send(
      emulator.port,
      'localhost',
      'POST',
      '/emulator/org/save-log',
      JSON.stringify({ object: call('http-1') })
    );
    assert.equal(saved.status, 200);
    assert.equal((saved.json.response as { success: boolean }).success, true);
    assert.equal(emulator.org.tasks().length, 1);
    const read = await send(emulator.port, 'localhost', 'GET', '/emulator/org');
    assert.equal(
      (read.json.records as unknown[]).filter((r) => (r as { objectType: string }).objectType === 'Task')
        .length,
      1
    );
    const found = await send(
      emulator.port,
      'localhost',
      'POST',
      '/emulator/org/find-call-log',
      JSON.stringify({ callObject: 'http-1' })
    );
    assert.equal(found.json.taskId, emulator.org.tasks()[0]!.Id);
  });

  it('the adapter origin cannot reach the org', async () => {
    for (const [method, path] of [
      ['GET', '/emulator/org'],
      ['POST', '/emulator/org/save-log'],
      ['POST', '/emulator/org/reset']
    ] as const) {
      const res = await send(
        emulator.port,
        '127.0.0.1',
        method,
        path,
        method === 'POST' ? JSON.stringify({ object: call('x') }) : undefined
      );
      assert.equal(res.status, 404, `${method} ${path}`);
    }
    assert.equal(emulator.org.tasks().length, 0);
  });

  it('bad input gets a 4xx that says what is wrong, and changes nothing', async () => {
    const port = emulator.port;
    const cases: Array<[string, string, string | undefined, string, number, RegExp]> = [
      [
        'POST',
        '/emulator/org/save-log',
        JSON.stringify({ object: call('t') }),
        'text/plain',
        415,
        /application\/json/
      ],
      ['POST', '/emulator/org/save-log', '{not json', 'application/json', 400, /not valid JSON/],
      ['POST', '/emulator/org/save-log', '[1,2]', 'application/json', 400, /JSON object/],
      ['POST', '/emulator/org/save-log', '{}', 'application/json', 400, /\{object\}/],
      [
        'POST',
        '/emulator/org/save-log',
        JSON.stringify({ object: call('x'.repeat(300 * 1024)) }),
        'application/json',
        413,
        /larger than/
      ],
      [
        'POST',
        '/emulator/org/records',
        JSON.stringify({ objectType: 'Contact;DROP', fields: {} }),
        'application/json',
        400,
        /API name/
      ],
      [
        'POST',
        '/emulator/org/records',
        JSON.stringify({ objectType: 'Contact', fields: { LastName: { $gt: 1 } } }),
        'application/json',
        400,
        /LastName/
      ],
      [
        'POST',
        '/emulator/org/find-call-log',
        JSON.stringify({ callObject: 42 }),
        'application/json',
        400,
        /callObject/
      ],
      [
        'POST',
        '/emulator/org/faults',
        JSON.stringify({ saveLogCommit: { afterMs: 20, answer: 'later' } }),
        'application/json',
        400,
        /afterCommit/
      ],
      [
        'POST',
        '/emulator/org/faults',
        JSON.stringify({ failNextSaveLogs: { count: 2 }, saveLogCommit: { afterMs: -5, answer: 'never' } }),
        'application/json',
        400,
        /afterMs/
      ],
      ['GET', '/emulator/org/save-log', undefined, 'application/json', 405, /POST/],
      ['POST', '/emulator/org/nothing', '{}', 'application/json', 404, /No org endpoint/]
    ];
    for (const [method, path, body, type, status, message] of cases) {
      const res = await send(port, 'localhost', method, path, body, type);
      assert.equal(res.status, status, `${method} ${path} ${String(body).slice(0, 60)}`);
      assert.match(String(res.json.error), message);
    }
    assert.equal(emulator.org.tasks().length, 0);
    assert.equal(emulator.org.records().length, new Org().records().length, 'no record created');
    assert.deepEqual(
      emulator.org.saveLogCommit,
      { afterMs: 0, answer: 'afterCommit' },
      'a half-valid fault set applies nothing'
    );
    assert.equal(
      (await emulator.org.saveLog(call('after'))).response.success,
      true,
      'no failure was queued either'
    );
  });

  it('faults set over HTTP apply to every page: a slow commit, then an injected failure', async () => {
    const port = emulator.port;
    const set = await send(
      port,
      'localhost',
      'POST',
      '/emulator/org/faults',
      JSON.stringify({ saveLogCommit: { afterMs: 120, answer: 'never' }, failNextSaveLogs: { count: 1 } })
    );
    assert.deepEqual(set.json.saveLogCommit, { afterMs: 120, answer: 'never' });
    const failed = await send(
      port,
      'localhost',
      'POST',
      '/emulator/org/save-log',
      JSON.stringify({ object: call('f') })
    );
    assert.equal((failed.json.response as { success: boolean }).success, false);
    const started = Date.now();
    const slow = await send(
      port,
      'localhost',
      'POST',
      '/emulator/org/save-log',
      JSON.stringify({ object: call('s') })
    );
    assert.ok(Date.now() - started >= 110);
    assert.equal(slow.json.deliver, false);
    assert.equal(emulator.org.tasks().length, 1);
  });

  it('the event stream starts with a snapshot and then carries every write, in order', async () => {
    const events = readEvents(emulator.port, 3, () => {
      void emulator.org.saveLog(call('e-1'));
      void emulator.org.saveLog(call('e-2'));
    });
    const [snapshot, first, second] = await events;
    assert.equal(snapshot!.reset, true);
    assert.equal(snapshot!.records.filter((r) => r.objectType === 'Task').length, 0);
    assert.deepEqual(
      [first!.records[0]!.fields.CallObject, second!.records[0]!.fields.CallObject],
      ['e-1', 'e-2']
    );
    assert.ok(second!.version > first!.version);
  });
});
