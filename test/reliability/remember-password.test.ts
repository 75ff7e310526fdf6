// The call center can forbid "Remember on this device" (switchboard/allowRememberPassword = false): the
// SIP login then offers no checkbox and never asks to remember, whatever the form's state.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import type { SipCredentials } from '../../adapter/src/telephony/sip/sip-config';
import type { LineView } from '../../adapter/src/ui/actions';
import { SipLogin } from '../../adapter/src/ui/sip-login';

function withDom<T>(fn: (root: HTMLElement, window: JSDOM['window']) => T): T {
  const dom = new JSDOM('<!DOCTYPE html><div id="root"></div>');
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = { document: g.document, window: g.window };
  g.document = dom.window.document;
  g.window = dom.window;
  try {
    return fn(dom.window.document.getElementById('root') as unknown as HTMLElement, dom.window);
  } finally {
    g.document = saved.document;
    g.window = saved.window;
    dom.window.close();
  }
}

function line(allowRemember: boolean | undefined, logins: Array<[SipCredentials, boolean]>): LineView {
  return {
    kind: 'sip',
    status: 'loggedOut',
    error: null,
    ...(allowRemember === undefined ? {} : { allowRemember }),
    login: (credentials, remember) => void logins.push([credentials, remember]),
    logout: () => undefined,
    takeOver: () => undefined,
    devices: null,
    chooseDevices: () => undefined
  };
}

/** Fills the form the way an agent does (ticking "remember" when it is there) and submits it. */
function logIn(root: HTMLElement, window: JSDOM['window']): void {
  const type = (id: string, value: string) => {
    const input = root.querySelector(`[data-id="${id}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new window.Event('input', { bubbles: true }));
  };
  act(() => {
    type('sip-user', '1001');
    type('sip-password', 's3cret');
    const remember = root.querySelector('[data-id="sip-remember"]') as HTMLInputElement | null;
    if (remember) {
      remember.checked = true;
      remember.dispatchEvent(new window.Event('change', { bubbles: true }));
    }
  });
  act(() => {
    (root.querySelector('[data-id="sip-login"]') as HTMLFormElement).dispatchEvent(
      new window.Event('submit', { bubbles: true, cancelable: true })
    );
  });
}

describe('SIP login and switchboard/allowRememberPassword', () => {
  for (const allowed of [true, undefined]) {
    test(`allowed (${String(allowed)}): the checkbox is offered and a ticked box asks to remember`, () => {
      const logins: Array<[SipCredentials, boolean]> = [];
      withDom((root, window) => {
        act(() => render(h(SipLogin, { line: line(allowed, logins) }), root));
        assert.ok(root.querySelector('[data-id="sip-remember"]'));
        logIn(root, window);
        act(() => render(null, root));
      });
      assert.deepEqual(logins, [[{ user: '1001', password: 's3cret' }, true]]);
    });
  }

  test('forbidden: no checkbox, and the login never asks to remember', () => {
    const logins: Array<[SipCredentials, boolean]> = [];
    withDom((root, window) => {
      act(() => render(h(SipLogin, { line: line(false, logins) }), root));
      assert.equal(root.querySelector('[data-id="sip-remember"]'), null);
      assert.doesNotMatch(root.textContent ?? '', /Remember on this device/);
      logIn(root, window);
      act(() => render(null, root));
    });
    assert.deepEqual(logins, [[{ user: '1001', password: 's3cret' }, false]]);
  });
});
