import { createElement } from '@lwc/engine-dom';
import SwitchboardClickToDial from 'c/switchboardClickToDial';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { APPLICATION_SCOPE, getSubscriberCount, publish, subscribe } from 'lightning/messageService';
import { getNavigateCalledWith, resetNavigate } from 'lightning/navigation';
import { refreshApex } from '@salesforce/apex';
import SWITCHBOARD_CALL_CHANNEL from '@salesforce/messageChannel/Switchboard_Call__c';
import getRecentCalls from '@salesforce/apex/SwitchboardCallLogController.getRecentCalls';

const mockGetRecord = require('./data/getRecord.json');
const mockGetObjectInfo = require('./data/getObjectInfo.json');
const mockGetRecentCalls = require('./data/getRecentCalls.json');

jest.mock(
    '@salesforce/apex/SwitchboardCallLogController.getRecentCalls',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);

const RECORD_ID = '003000000000001AAA';
const OTHER_RECORD_ID = '003000000000009AAA';
const TASK_ID = '00T000000000007AAA';
const T0 = Date.parse('2026-11-25T10:00:00.000Z');

/** A CallStatusMessage from the adapter (adapter/src/channel/contract.ts). */
function statusMessage(overrides = {}) {
    return {
        source: 'switchboard-adapter',
        version: 1,
        type: 'status',
        callId: 'call-1',
        recordId: RECORD_ID,
        direction: 'outbound',
        state: 'dialing',
        number: '+1 415 555 0100',
        startedAt: T0,
        connectedAt: null,
        endedAt: null,
        taskId: null,
        error: null,
        ...overrides
    };
}

function readyMessage(ready) {
    return { source: 'switchboard-adapter', version: 1, type: 'ready', ready, provider: 'demo' };
}

/** The adapter side of the channel: deliver through the message-service mock, as LMS would. */
function adapterPublishes(message) {
    publish(undefined, SWITCHBOARD_CALL_CHANNEL, message);
}

function createComponent(props = {}) {
    const element = createElement('c-switchboard-click-to-dial', { is: SwitchboardClickToDial });
    Object.assign(element, { recordId: RECORD_ID, objectApiName: 'Contact', ...props });
    document.body.appendChild(element);
    return element;
}

// Re-renders are asynchronous: let the microtask queue drain.
async function flushPromises() {
    return Promise.resolve();
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const $$ = (element, selector) => [...element.shadowRoot.querySelectorAll(selector)];
const text = (node) => node.textContent.replace(/\s+/g, ' ').trim();
const callState = (element) => $(element, '[data-id="call-state"]').label;

describe('c-switchboard-click-to-dial', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
        resetNavigate();
    });

    describe('labels', () => {
        it('titles the card with the Switchboard_Card_Title label unless App Builder sets a title', async () => {
            const element = createComponent();
            await flushPromises();
            expect($(element, 'lightning-card').title).toBe('Calls');

            element.cardTitle = 'Anrufe heute';
            await flushPromises();
            expect($(element, 'lightning-card').title).toBe('Anrufe heute');
        });

        it('names the other party with a label when the call has no number', async () => {
            const element = createComponent();
            adapterPublishes(statusMessage({ number: '', state: 'connected', connectedAt: T0 }));
            await flushPromises();
            expect(text($(element, '[data-id="call-description"]'))).toBe('On a call');
        });
    });

    describe('phone numbers', () => {
        it('asks LDS for the configured fields of the record as optional fields', async () => {
            createComponent();
            await flushPromises();

            expect(getRecord.getLastConfig()).toEqual({
                recordId: RECORD_ID,
                optionalFields: ['Contact.Phone', 'Contact.MobilePhone']
            });
        });

        it('builds optional fields from a custom, untidy field list', async () => {
            createComponent({ phoneFields: ' MobilePhone, HomePhone ,Not A Field,,MobilePhone' });
            await flushPromises();

            expect(getRecord.getLastConfig().optionalFields).toEqual([
                'Contact.MobilePhone',
                'Contact.HomePhone'
            ]);
        });

        it('renders one lightning-click-to-dial per non-empty number, with value, recordId and params', async () => {
            const element = createComponent({ phoneFields: 'Phone,HomePhone,MobilePhone,Fax' });
            getRecord.emit(mockGetRecord);
            await flushPromises();

            const dials = $$(element, 'lightning-click-to-dial');
            expect(dials).toHaveLength(2);

            const phone = $(element, 'lightning-click-to-dial[data-id="dial-Phone"]');
            expect(phone.value).toBe('(415) 555-0100');
            expect(phone.recordId).toBe(RECORD_ID);
            expect(phone.params).toBe('switchboardSource=recordPage,field=Phone');

            const mobile = $(element, 'lightning-click-to-dial[data-id="dial-MobilePhone"]');
            expect(mobile.value).toBe('+1 415 555 0199');
            expect(mobile.recordId).toBe(RECORD_ID);
            expect(mobile.params).toBe('switchboardSource=recordPage,field=MobilePhone');

            // HomePhone is null and Fax was not returned: both skipped
            expect($(element, '[data-id="dial-HomePhone"]')).toBeNull();
            expect($(element, '[data-id="dial-Fax"]')).toBeNull();
        });

        it('keeps the configured field order', async () => {
            const element = createComponent({ phoneFields: 'MobilePhone,Phone' });
            getRecord.emit(mockGetRecord);
            await flushPromises();

            expect($$(element, 'lightning-click-to-dial').map((d) => d.dataset.id)).toEqual([
                'dial-MobilePhone',
                'dial-Phone'
            ]);
        });

        it('labels numbers with the field labels from object info, falling back to the API name', async () => {
            const element = createComponent();
            getRecord.emit(mockGetRecord);
            await flushPromises();
            expect($$(element, '[data-id="phone"]').map(text)).toEqual(['Phone', 'MobilePhone']);

            getObjectInfo.emit(mockGetObjectInfo);
            await flushPromises();
            expect($$(element, '[data-id="phone"]').map(text)).toEqual(['Business Phone', 'Mobile']);
        });

        it('says so when the record has no number in the configured fields', async () => {
            const element = createComponent({ phoneFields: 'HomePhone' });
            getRecord.emit(mockGetRecord);
            await flushPromises();

            expect($(element, 'lightning-click-to-dial')).toBeNull();
            expect(text($(element, '[data-id="no-phones"]'))).toBe(
                'This record has no phone number to call.'
            );
        });

        it('shows a friendly message when LDS fails', async () => {
            const element = createComponent();
            getRecord.error({ message: 'The requested resource does not exist' }, 404, 'Not Found');
            await flushPromises();

            expect($(element, 'lightning-click-to-dial')).toBeNull();
            expect(text($(element, '[data-id="record-error"]'))).toBe(
                "Couldn't load phone numbers for this record. The requested resource does not exist"
            );
        });

        it('does not ask LDS for anything off a record page', async () => {
            const element = createComponent({ recordId: undefined, objectApiName: undefined });
            await flushPromises();

            const config = getRecord.getLastConfig();
            expect(config.recordId).toBeUndefined();
            expect(config.optionalFields).toBeUndefined();
            expect($(element, 'lightning-click-to-dial')).toBeNull();
            expect($(element, '[data-id="no-phones"]')).toBeNull();
        });
    });

    describe('message channel', () => {
        it('subscribes with APPLICATION_SCOPE and publishes a stateRequest for the record on connect', () => {
            createComponent();

            expect(subscribe).toHaveBeenCalledWith(
                undefined,
                SWITCHBOARD_CALL_CHANNEL,
                expect.any(Function),
                {
                    scope: APPLICATION_SCOPE
                }
            );
            expect(publish).toHaveBeenCalledTimes(1);
            expect(publish).toHaveBeenCalledWith(undefined, SWITCHBOARD_CALL_CHANNEL, {
                source: 'switchboard-component',
                version: 1,
                type: 'stateRequest',
                recordId: RECORD_ID
            });
        });

        it('sends a stateRequest without a recordId off a record page', () => {
            createComponent({ recordId: undefined, objectApiName: undefined });

            expect(publish).toHaveBeenCalledWith(undefined, SWITCHBOARD_CALL_CHANNEL, {
                source: 'switchboard-component',
                version: 1,
                type: 'stateRequest'
            });
        });

        it('unsubscribes when removed from the page', () => {
            const element = createComponent();
            expect(getSubscriberCount(SWITCHBOARD_CALL_CHANNEL)).toBe(1);

            document.body.removeChild(element);

            expect(getSubscriberCount(SWITCHBOARD_CALL_CHANNEL)).toBe(0);
        });

        it('shows click-to-dial as unavailable until the softphone says it is ready', async () => {
            const element = createComponent();
            await flushPromises();

            expect($(element, '[data-id="readiness"]').label).toBe('Click-to-dial unavailable');
            expect(text($(element, '[data-id="unavailable-help"]'))).toMatch(/Open the Phone utility/);
            expect(text($(element, '[data-id="unavailable-help"]'))).toMatch(/call center/);

            adapterPublishes(readyMessage(true));
            await flushPromises();

            expect($(element, '[data-id="readiness"]').label).toBe('Ready');
            expect($(element, '[data-id="unavailable"]')).toBeNull();
            expect(text($(element, '[data-id="announcer"]'))).toBe('Click-to-dial ready');
        });

        it('shows click-to-dial as unavailable when the softphone reports ready: false', async () => {
            const element = createComponent();
            adapterPublishes(readyMessage(true));
            adapterPublishes(readyMessage(false));
            await flushPromises();

            expect($(element, '[data-id="readiness"]').label).toBe('Click-to-dial unavailable');
            expect(text($(element, '[data-id="unavailable-help"]'))).toMatch(/cannot place calls right now/);
            expect(text($(element, '[data-id="announcer"]'))).toBe('Click-to-dial unavailable');
        });

        it('follows a call from dialing to logged, with a live timer and a link to the Task', async () => {
            jest.useFakeTimers();
            jest.setSystemTime(T0);
            const element = createComponent();
            adapterPublishes(readyMessage(true));

            adapterPublishes(statusMessage({ state: 'dialing' }));
            await flushPromises();
            expect(callState(element)).toBe('Dialing');
            expect(text($(element, '[data-id="call-description"]'))).toBe('Calling +1 415 555 0100…');
            expect(text($(element, '[data-id="announcer"]'))).toBe('Dialing. Calling +1 415 555 0100…');
            expect($(element, '[data-id="call-timer"]')).toBeNull();

            adapterPublishes(statusMessage({ state: 'ringing' }));
            await flushPromises();
            expect(callState(element)).toBe('Ringing');
            expect(text($(element, '[data-id="call-description"]'))).toBe('Ringing +1 415 555 0100…');

            const connectedAt = T0 + 5000;
            jest.setSystemTime(connectedAt);
            adapterPublishes(statusMessage({ state: 'connected', connectedAt }));
            await flushPromises();
            expect(callState(element)).toBe('Connected');
            expect(text($(element, '[data-id="call-description"]'))).toBe('On a call with +1 415 555 0100');
            expect(text($(element, '[data-id="call-timer"]'))).toBe('00:00');

            jest.advanceTimersByTime(65000);
            await flushPromises();
            expect(text($(element, '[data-id="call-timer"]'))).toBe('01:05');
            // the timer ticks outside the live region
            expect(text($(element, '[data-id="announcer"]'))).toBe(
                'Connected. On a call with +1 415 555 0100'
            );

            adapterPublishes(statusMessage({ state: 'held', connectedAt }));
            await flushPromises();
            expect(callState(element)).toBe('On hold');
            jest.advanceTimersByTime(10000);
            await flushPromises();
            expect(text($(element, '[data-id="call-timer"]'))).toBe('01:15');

            const endedAt = connectedAt + 80000;
            jest.setSystemTime(endedAt);
            adapterPublishes(statusMessage({ state: 'wrapUp', connectedAt, endedAt }));
            await flushPromises();
            expect(callState(element)).toBe('Wrap-up');
            expect(text($(element, '[data-id="call-timer"]'))).toBe('01:20');
            expect(jest.getTimerCount()).toBe(0); // interval cleared once the call is over

            adapterPublishes(statusMessage({ state: 'logging', connectedAt, endedAt }));
            await flushPromises();
            expect(callState(element)).toBe('Logging');
            expect(text($(element, '[data-id="call-description"]'))).toBe('Saving the call log…');

            adapterPublishes(statusMessage({ state: 'logged', connectedAt, endedAt, taskId: TASK_ID }));
            await flushPromises();
            expect(callState(element)).toBe('Logged');
            const link = $(element, '[data-id="task-link"]');
            expect(link.getAttribute('href')).toBe(`/lightning/r/Task/${TASK_ID}/view`);
            expect(text($(element, '[data-id="announcer"]'))).toBe(
                'Logged. Call with +1 415 555 0100 logged.'
            );

            link.click();
            expect(getNavigateCalledWith().pageReference).toEqual({
                type: 'standard__recordPage',
                attributes: { recordId: TASK_ID, objectApiName: 'Task', actionName: 'view' }
            });
        });

        it('describes an inbound ringing call as incoming', async () => {
            const element = createComponent();
            adapterPublishes(statusMessage({ state: 'ringing', direction: 'inbound' }));
            await flushPromises();

            expect(text($(element, '[data-id="call-description"]'))).toBe(
                'Incoming call from +1 415 555 0100'
            );
        });

        it('shows a failed log with its error and retries it over the channel', async () => {
            const element = createComponent();
            adapterPublishes(
                statusMessage({
                    callId: 'call-42',
                    state: 'logFailed',
                    connectedAt: T0,
                    endedAt: T0 + 30000,
                    error: 'FIELD_CUSTOM_VALIDATION_EXCEPTION: Subject is required'
                })
            );
            await flushPromises();

            expect(callState(element)).toBe('Log failed');
            expect(text($(element, '[data-id="call-description"]'))).toBe(
                "The call log couldn't be saved: FIELD_CUSTOM_VALIDATION_EXCEPTION: Subject is required"
            );
            expect($(element, '[data-id="task-link"]')).toBeNull();

            $(element, 'lightning-button[data-id="retry"]').click();

            expect(publish).toHaveBeenLastCalledWith(undefined, SWITCHBOARD_CALL_CHANNEL, {
                source: 'switchboard-component',
                version: 1,
                type: 'retryLog',
                callId: 'call-42'
            });
        });

        it('ignores calls on other records and calls with no record', async () => {
            const element = createComponent();
            adapterPublishes(
                statusMessage({ callId: 'elsewhere', recordId: OTHER_RECORD_ID, state: 'connected' })
            );
            adapterPublishes(statusMessage({ callId: 'nowhere', recordId: null, state: 'ringing' }));
            await flushPromises();

            expect($(element, '[data-id="calls"]')).toBeNull();
            expect(text($(element, '[data-id="announcer"]'))).toBe('');
        });

        it('matches the record by its 15-character id', async () => {
            const element = createComponent();
            adapterPublishes(statusMessage({ recordId: RECORD_ID.slice(0, 15) }));
            await flushPromises();

            expect(callState(element)).toBe('Dialing');
        });

        it('shows every call off a record page', async () => {
            const element = createComponent({ recordId: undefined, objectApiName: undefined });
            adapterPublishes(statusMessage({ callId: 'a', recordId: OTHER_RECORD_ID }));
            adapterPublishes(statusMessage({ callId: 'b', recordId: null, startedAt: T0 + 1 }));
            await flushPromises();

            expect($$(element, '[data-id="call"]').map((li) => li.dataset.callId)).toEqual(['b', 'a']);
        });

        it.each([
            ['a string', 'status'],
            ['null', null],
            ['another sender', statusMessage({ source: 'someone-else' })],
            ['another schema version', statusMessage({ version: 2 })],
            ['an unknown type', statusMessage({ type: 'hangup' })],
            ['an unknown state', statusMessage({ state: 'exploded' })],
            ['no callId', statusMessage({ callId: '' })],
            ['a non-numeric startedAt', statusMessage({ startedAt: 'now' })],
            ['a bad direction', statusMessage({ direction: 'sideways' })],
            ['a numeric taskId', statusMessage({ taskId: 7 })],
            ['ready without a boolean', { ...readyMessage(true), ready: 'yes' }],
            ['our own stateRequest', { source: 'switchboard-component', version: 1, type: 'stateRequest' }]
        ])('ignores a malformed message: %s', async (_label, message) => {
            const element = createComponent();
            adapterPublishes(message);
            await flushPromises();

            expect($(element, '[data-id="calls"]')).toBeNull();
            expect($(element, '[data-id="readiness"]').label).toBe('Click-to-dial unavailable');
        });

        it('does not link a logged call whose taskId is not a Salesforce id', async () => {
            const element = createComponent();
            adapterPublishes(statusMessage({ state: 'logged', taskId: '../../secur/logout.jsp' }));
            await flushPromises();

            expect(callState(element)).toBe('Logged');
            expect($(element, '[data-id="task-link"]')).toBeNull();
        });

        it('lists several calls on the record newest first', async () => {
            const element = createComponent();
            adapterPublishes(statusMessage({ callId: 'old', state: 'logged', taskId: TASK_ID }));
            adapterPublishes(statusMessage({ callId: 'new', startedAt: T0 + 60000 }));
            await flushPromises();

            expect($$(element, '[data-id="call"]').map((li) => li.dataset.callId)).toEqual(['new', 'old']);
        });

        it('stops the timer when removed from the page mid-call', async () => {
            jest.useFakeTimers();
            const element = createComponent();
            adapterPublishes(statusMessage({ state: 'connected', connectedAt: Date.now() }));
            await flushPromises();
            expect(jest.getTimerCount()).toBe(1);

            document.body.removeChild(element);

            expect(jest.getTimerCount()).toBe(0);
        });
    });

    describe('recent calls', () => {
        it('asks Apex for the configured number of calls on the record', async () => {
            createComponent({ recentCallLimit: 8 });
            await flushPromises();

            expect(getRecentCalls.getLastConfig()).toEqual({ recordId: RECORD_ID, limitSize: 8 });
        });

        it('defaults to 5 and clamps the limit to 1..50', async () => {
            const element = createComponent();
            await flushPromises();
            expect(getRecentCalls.getLastConfig().limitSize).toBe(5);

            element.recentCallLimit = 500;
            expect(element.recentCallLimit).toBe(50);
            element.recentCallLimit = 0;
            expect(element.recentCallLimit).toBe(1);
            element.recentCallLimit = '12';
            expect(element.recentCallLimit).toBe(12);
            element.recentCallLimit = 'five';
            expect(element.recentCallLimit).toBe(5);
            element.recentCallLimit = null;
            expect(element.recentCallLimit).toBe(5);
        });

        it('renders direction, duration, result and time for each call', async () => {
            const element = createComponent();
            getRecentCalls.emit(mockGetRecentCalls);
            await flushPromises();

            const rows = $$(element, '[data-id="recent-call"]');
            expect(rows.map((row) => row.dataset.taskId)).toEqual([
                '00T000000000003AAA',
                '00T000000000002AAA'
            ]);

            const [first, second] = rows;
            expect(text(first.querySelector('[data-id="recent-direction"]'))).toBe('Outbound');
            expect(text(first.querySelector('[data-id="recent-duration"]'))).toBe('12:34');
            expect(text(first.querySelector('[data-id="recent-disposition"]'))).toBe('Left voicemail');
            expect(first.querySelector('[data-id="recent-when"]').value).toBe('2026-11-24T15:30:00.000Z');
            expect(first.querySelector('a').getAttribute('href')).toBe(
                '/lightning/r/Task/00T000000000003AAA/view'
            );
            expect(text(first.querySelector('a'))).toBe('Call +1 415 555 0100');

            expect(text(second.querySelector('[data-id="recent-direction"]'))).toBe('Inbound');
            expect(text(second.querySelector('[data-id="recent-duration"]'))).toBe('00:59');
            expect(second.querySelector('[data-id="recent-disposition"]')).toBeNull();
        });

        it('shows an empty state', async () => {
            const element = createComponent();
            getRecentCalls.emit([]);
            await flushPromises();

            expect($(element, '[data-id="recent-call"]')).toBeNull();
            expect(text($(element, '[data-id="no-recent-calls"]'))).toBe(
                'No calls logged for this record yet.'
            );
        });

        it('shows a friendly error when Apex fails', async () => {
            const element = createComponent();
            getRecentCalls.error({ message: 'Insufficient access rights on cross-reference id' });
            await flushPromises();

            expect($(element, '[data-id="recent-calls"]')).toBeNull();
            expect(text($(element, '[data-id="recent-error"]'))).toBe(
                "Couldn't load recent calls. Insufficient access rights on cross-reference id"
            );
        });

        it('refreshes when a call on this record is logged', async () => {
            createComponent();
            getRecentCalls.emit(mockGetRecentCalls);
            await flushPromises();

            adapterPublishes(statusMessage({ state: 'logging' }));
            expect(refreshApex).not.toHaveBeenCalled();

            adapterPublishes(statusMessage({ state: 'logged', taskId: TASK_ID }));
            expect(refreshApex).toHaveBeenCalledTimes(1);
            expect(refreshApex.mock.calls[0][0].data).toEqual(mockGetRecentCalls);

            // a repeat of the same state (e.g. an answer to another stateRequest) does not refresh again
            adapterPublishes(statusMessage({ state: 'logged', taskId: TASK_ID }));
            expect(refreshApex).toHaveBeenCalledTimes(1);
        });

        it('does not refresh for a call logged on another record', async () => {
            createComponent();
            getRecentCalls.emit(mockGetRecentCalls);
            await flushPromises();

            adapterPublishes(statusMessage({ recordId: OTHER_RECORD_ID, state: 'logged', taskId: TASK_ID }));

            expect(refreshApex).not.toHaveBeenCalled();
        });

        it('is hidden, and Apex is not asked, when turned off', async () => {
            const element = createComponent({ showRecentCalls: false });
            await flushPromises();

            expect(getRecentCalls.getLastConfig()).toEqual({ recordId: undefined, limitSize: 5 });
            expect(Object.keys(getRecentCalls.getLastConfig())).toContain('recordId');
            expect($(element, '[data-id="no-recent-calls"]')).toBeNull();
            expect($(element, '[data-id="recent-calls"]')).toBeNull();
        });
    });

    describe('accessibility', () => {
        it('is accessible when ready, with numbers and recent calls', async () => {
            const element = createComponent();
            adapterPublishes(readyMessage(true));
            getRecord.emit(mockGetRecord);
            getObjectInfo.emit(mockGetObjectInfo);
            getRecentCalls.emit(mockGetRecentCalls);
            await flushPromises();

            await expect(element).toBeAccessible();
        });

        it('is accessible when click-to-dial is unavailable and nothing is logged', async () => {
            const element = createComponent();
            getRecord.emit(mockGetRecord);
            getRecentCalls.emit([]);
            await flushPromises();

            await expect(element).toBeAccessible();
        });

        it('is accessible during a connected call', async () => {
            const element = createComponent();
            adapterPublishes(readyMessage(true));
            adapterPublishes(statusMessage({ state: 'connected', connectedAt: Date.now() }));
            await flushPromises();

            await expect(element).toBeAccessible();
        });

        it('is accessible with a logged call and a failed log', async () => {
            const element = createComponent();
            adapterPublishes(
                statusMessage({
                    callId: 'ok',
                    state: 'logged',
                    taskId: TASK_ID,
                    connectedAt: T0,
                    endedAt: T0 + 1000
                })
            );
            adapterPublishes(
                statusMessage({ callId: 'bad', state: 'logFailed', error: 'Timed out', startedAt: T0 + 1 })
            );
            await flushPromises();

            await expect(element).toBeAccessible();
        });

        it('is accessible with LDS and Apex errors', async () => {
            const element = createComponent();
            getRecord.error();
            getRecentCalls.error();
            await flushPromises();

            expect($(element, '[data-id="record-error"]')).not.toBeNull();
            expect($(element, '[data-id="recent-error"]')).not.toBeNull();
            await expect(element).toBeAccessible();
        });
    });
});
