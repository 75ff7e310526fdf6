// The schemas every tab message passes (adapter/src/app/tab-messages.ts, tab-mirror.ts): what they
// let through, what they rebuild, and that a vnode-shaped mirror can no longer render as markup.
import { describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { TabMessageParser, type TabMessageRules } from '../../adapter/src/app/tab-messages';
import { FollowerRefusals, refusalNotice } from '../../adapter/src/app/tab-refusals';
import type { MachineState } from '../../adapter/src/call/types';
import type { LineView, ViewActions } from '../../adapter/src/ui/actions';
import { App } from '../../adapter/src/ui/app';
import { ElsewhereBanner, TAKE_OVER_ANSWER_MS } from '../../adapter/src/ui/elsewhere-banner';
import { useEnglishLabels, CONTACT, run } from '../adapter/helpers';

useEnglishLabels();

const RULES: TabMessageRules = {
  defaultCountry: 'US',
  dispositions: () => ['Completed', 'No answer', 'Busy']
};
const envelope = (message: unknown, from = 'leader-tab') => ({
  source: 'switchboard-tab',
  version: 1,
  from,
  message
});
const parser = new TabMessageParser(RULES);

/** A leader state with something in every nested shape: calls, screen-pop matches, logs, a notice. */
function leaderState(): MachineState {
  const { state } = run([
    { type: 'INCOMING', callId: 'c0', from: '+14155550100' },
    { type: 'ENDED', callId: 'c0', cause: 'canceled' },
    { type: 'INCOMING', callId: 'c1', from: '+14155550101', displayName: '<img src=x onerror=alert(1)>' },
    {
      type: 'SCREEN_POP_RESULT',
      callId: 'c1',
      matches: [CONTACT, { ...CONTACT, id: '003000000000002AAA', name: '<b>Twin</b>' }]
    },
    { type: 'SELECT_RECORD', recordId: CONTACT.id },
    { type: 'ANSWER' },
    { type: 'CONNECTED', callId: 'c1' },
    { type: 'ENDED', callId: 'c1', cause: 'remote-hangup' },
    { type: 'WRAP_UP_EDITED', disposition: 'Completed', notes: '<form><input type=password></form>' }
  ]);
  return { ...state, notice: { kind: 'warning', text: '<script>alert(1)</script>' } };
}

/** What a hostile page would post: a Preact vnode, which structured clone delivers with its own `constructor: undefined`. */
function clonedVnode(): unknown {
  return structuredClone(h('form', { 'data-id': 'evil-form' }, h('input', { type: 'password', name: 'pw' })));
}

function objectsIn(value: unknown, into: object[] = []): object[] {
  if (typeof value !== 'object' || value === null) return into;
  into.push(value);
  for (const child of Object.values(value)) objectsIn(child, into);
  return into;
}

function withDom<T>(fn: (root: HTMLElement) => T): T {
  const dom = new JSDOM('<!DOCTYPE html><div id="root"></div>');
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = { document: g.document, window: g.window };
  g.document = dom.window.document;
  g.window = dom.window;
  try {
    return fn(dom.window.document.getElementById('root') as unknown as HTMLElement);
  } finally {
    g.document = saved.document;
    g.window = saved.window;
    dom.window.close();
  }
}

const noActions: ViewActions = { dispatch: () => undefined, newCallId: () => 'x', demo: null };
const elsewhere: LineView = {
  kind: 'demo',
  status: 'elsewhere',
  error: null,
  login: () => undefined,
  logout: () => undefined,
  takeOver: () => undefined,
  devices: null,
  chooseDevices: () => undefined
};

describe('mirrored state is rebuilt, never passed through', () => {
  test('a structured-cloned state comes out equal, in fresh objects, none with an own `constructor`', () => {
    const state = leaderState();
    const received = structuredClone(envelope({ type: 'mirror', state }));
    const result = parser.envelope(received);
    assert.ok(result.ok, result.ok ? '' : result.reason);
    assert.equal(result.value.message.type, 'mirror');
    if (result.value.message.type !== 'mirror') return;
    assert.deepEqual(result.value.message.state, state);
    const inputObjects = new Set(objectsIn(received));
    const outputObjects = objectsIn(result.value);
    assert.ok(
      outputObjects.length >= 14,
      `the fixture reaches every nested shape (${outputObjects.length} objects)`
    );
    for (const o of outputObjects) {
      assert.ok(!inputObjects.has(o), 'an object was passed through from the message');
      assert.ok(
        !Object.hasOwn(o, 'constructor'),
        'an own constructor makes Preact treat the object as a vnode'
      );
    }
  });

  test('a vnode in any rendered text field drops the whole mirror', () => {
    const spots: Array<[string, (s: MachineState, v: unknown) => void]> = [
      ['call.display', (s, v) => ((s.call as unknown as Record<string, unknown>).display = v)],
      ['call.callerName', (s, v) => ((s.call as unknown as Record<string, unknown>).callerName = v)],
      ['call.notes', (s, v) => ((s.call as unknown as Record<string, unknown>).notes = v)],
      ['notice.text', (s, v) => ((s.notice as unknown as Record<string, unknown>).text = v)],
      ['notice', (s, v) => ((s as unknown as Record<string, unknown>).notice = v)],
      ['call.who.name', (s, v) => ((s.call!.who as unknown as Record<string, unknown>).name = v)],
      ['logs[0].value.Subject', (s, v) => (s.logs[0]!.value.Subject = v as string)],
      [
        'logs[0].call.display',
        (s, v) => ((s.logs[0]!.call as unknown as Record<string, unknown>).display = v)
      ],
      ['dispositions[0]', (s, v) => ((s.dispositions as unknown[])[0] = v)]
    ];
    for (const [where, plant] of spots) {
      const state = structuredClone(leaderState());
      plant(state, clonedVnode());
      const result = parser.envelope(structuredClone(envelope({ type: 'mirror', state })));
      assert.equal(result.ok, false, `a vnode at ${where} was accepted`);
    }
  });

  test('unknown keys are left behind, vnode-shaped or not', () => {
    const state = leaderState() as unknown as Record<string, unknown>;
    state.__html = clonedVnode();
    (state.call as Record<string, unknown>).children = clonedVnode();
    const result = parser.envelope(structuredClone(envelope({ type: 'mirror', state })));
    assert.ok(result.ok && result.value.message.type === 'mirror');
    if (!result.ok || result.value.message.type !== 'mirror') return;
    assert.ok(!('__html' in result.value.message.state));
    assert.ok(!('children' in (result.value.message.state.call ?? {})));
  });

  test('rendered in the follower view, mirrored text stays text (and the threat is real without the schema)', () => {
    withDom((root) => {
      // The control: Preact renders a cloned vnode as markup, which is what the schema must stop.
      render(h('p', null, clonedVnode() as string), root);
      assert.ok(
        root.querySelector('[data-id="evil-form"] input[type="password"]'),
        'the cloned vnode rendered as a form'
      );
      render(null, root);

      const result = parser.envelope(structuredClone(envelope({ type: 'mirror', state: leaderState() })));
      assert.ok(result.ok && result.value.message.type === 'mirror');
      if (!result.ok || result.value.message.type !== 'mirror') return;
      render(
        h(App, { state: result.value.message.state, now: Date.now(), line: elsewhere, actions: noActions }),
        root
      );
      assert.equal(
        root.querySelector('[data-id="evil-form"], script, img, b, input[type="password"]'),
        null,
        root.innerHTML
      );
      assert.match(root.textContent ?? '', /<script>alert\(1\)<\/script>/, 'markup arrives as visible text');
      assert.ok(root.querySelector('[data-id="elsewhere"]'), 'the follower banner is shown');
      render(null, root);
    });
  });
});

describe('forwarded events', () => {
  const event = (e: unknown) => parser.envelope(envelope({ type: 'event', event: e }, 'follower-tab'));

  test('a click-to-dial with a real record and number passes; record ids go through the one Salesforce-id check', () => {
    const ok = {
      type: 'DIAL_REQUESTED',
      callId: 'k1',
      input: '(415) 555-0102',
      context: { who: CONTACT, what: null, params: 'p=1' }
    };
    assert.deepEqual(event(ok), {
      ok: true,
      value: {
        source: 'switchboard-tab',
        version: 1,
        from: 'follower-tab',
        message: { type: 'event', event: ok }
      }
    });
    for (const id of ['not-an-id;DROP', '003000000000001', '003000000000001AAAX', '']) {
      const bad = { ...ok, context: { who: { ...CONTACT, id }, what: null, params: null } };
      assert.equal(event(bad).ok, id === '003000000000001', `who.id ${JSON.stringify(id)}`);
    }
    assert.equal(
      event({
        ...ok,
        context: { who: { ...CONTACT, objectType: 'Contact<script>' }, what: null, params: null }
      }).ok,
      false
    );
  });

  test('numbers go through the phone-number module, read in the call center country', () => {
    const dial = (input: unknown) => event({ type: 'DIAL_REQUESTED', callId: 'k1', input, context: null }).ok;
    assert.equal(dial('(415) 555-0102'), true, 'national in the US');
    assert.equal(dial('1001'), true, 'an extension');
    assert.equal(dial('+44 20 7946 0958'), true);
    assert.equal(dial('020 7946 0958'), false, 'a UK national number is not a US one');
    assert.equal(dial('sip:someone@example.com'), false);
    assert.equal(dial(4155550102), false, 'a number type is not what the dial pad sends');
    const gb = new TabMessageParser({ ...RULES, defaultCountry: 'GB' });
    assert.equal(
      gb.envelope(envelope({ type: 'event', event: { type: 'TRANSFER', target: '020 7946 0958' } })).ok,
      true
    );
    assert.equal(event({ type: 'TRANSFER', target: '020 7946 0958' }).ok, false);
  });

  test('a wrap-up edit carries bounded notes and a call result from the list (or the one the call has)', () => {
    let current = 'Transferred';
    const p = new TabMessageParser({ defaultCountry: 'US', dispositions: () => ['Completed', current] });
    const edit = (disposition: unknown, notes: unknown) =>
      p.envelope(envelope({ type: 'event', event: { type: 'WRAP_UP_EDITED', disposition, notes } })).ok;
    assert.equal(edit('Completed', 'fine'), true);
    assert.equal(edit('', 'nothing picked yet'), true);
    assert.equal(edit('Transferred', ''), true);
    current = 'Completed';
    assert.equal(edit('Transferred', ''), false, 'the list is read when the message arrives');
    assert.equal(edit('Completed', 42), false);
    assert.equal(edit('Completed', { toString: 'x' }), false);
    assert.equal(edit('Completed', 'n'.repeat(32_000)), true);
    assert.equal(edit('Completed', 'n'.repeat(32_001)), false);
  });

  test('only agent actions are forwardable, checked the same way before sending', () => {
    assert.equal(parser.forwardable({ type: 'HANGUP' }).ok, true);
    assert.equal(parser.forwardable({ type: 'NOTICE', notice: { kind: 'info', text: 'x' } }).ok, false);
    assert.equal(
      parser.forwardable({ type: 'LOG_SAVED', callId: 'c', taskId: '00T000000000001AAA' }).ok,
      false
    );
    assert.equal(
      parser.forwardable({ type: 'DIAL_REQUESTED', callId: 'k', input: '12', context: null }).ok,
      true,
      'an extension'
    );
    assert.equal(
      parser.forwardable({ type: 'DIAL_REQUESTED', callId: 'k', input: 'abc', context: null }).ok,
      false
    );
  });

  test('a number the leader would refuse gets the same reason in the tab that refused to forward it', () => {
    assert.deepEqual(
      refusalNotice({ type: 'DIAL_REQUESTED', callId: 'k', input: 'abc', context: null }, 'US'),
      {
        kind: 'error',
        text: '"abc" is not a phone number. Nothing was dialled.'
      }
    );
    assert.match(
      refusalNotice({ type: 'TRANSFER', target: '1' }, 'US')?.text ?? '',
      /The call was not transferred\.$/
    );
    assert.equal(
      refusalNotice({ type: 'DIAL_REQUESTED', callId: 'k', input: '+14155550102', context: null }, 'US'),
      null
    );
    assert.equal(refusalNotice({ type: 'HANGUP' }, 'US'), null);
  });

  test("the refusal outlives the leader's next mirrors, until the agent's next action or a notice of the leader's", () => {
    const refusals = new FollowerRefusals('US');
    const leader = leaderState();
    const quiet = { ...leader, notice: null };
    assert.equal(refusals.refused({ type: 'TRANSFER', target: 'sip:x@y' }), true);
    assert.match(refusals.overlay(quiet).notice?.text ?? '', /not transferred/);
    assert.match(
      refusals.overlay({ ...quiet }).notice?.text ?? '',
      /not transferred/,
      'still there a second later'
    );
    assert.equal(refusals.overlay(leader).notice, leader.notice, "the leader's own notice wins");
    assert.equal(refusals.overlay(quiet).notice, null, 'and the refusal does not come back');
    refusals.refused({ type: 'DIAL_REQUESTED', callId: 'k', input: 'abc', context: null });
    refusals.forwarded();
    assert.equal(refusals.overlay(quiet), quiet);
    assert.equal(
      refusals.refused({ type: 'NOTICE', notice: { kind: 'info', text: 'x' } }),
      false,
      'nothing to tell the agent'
    );
  });
});

describe('"Use the phone in this tab"', () => {
  test('is never a dead button: it asks, and says why when the other tab keeps the phone', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      withDom((root) => {
        let asked = 0;
        act(() =>
          render(h(ElsewhereBanner, { line: { ...elsewhere, takeOver: () => void (asked += 1) } }), root)
        );
        const button = () => root.querySelector<HTMLButtonElement>('[data-id="take-over"]')!;
        assert.equal(root.querySelector('[data-id="take-over-kept"]'), null);
        act(() => button().click());
        assert.equal(asked, 1, 'the request went to the leading tab');
        assert.equal(button().disabled, true);
        assert.match(button().textContent ?? '', /Asking/);
        act(() => mock.timers.tick(TAKE_OVER_ANSWER_MS + 50));
        assert.match(
          root.querySelector('[data-id="take-over-kept"]')?.textContent ?? '',
          /kept the phone.*no call is up/
        );
        assert.equal(button().disabled, false, 'the agent can ask again');
        act(() => render(null, root));
      });
    } finally {
      mock.timers.reset();
    }
  });
});
