import { LightningElement, api, wire } from 'lwc';
import { getRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { NavigationMixin } from 'lightning/navigation';
import { APPLICATION_SCOPE, MessageContext, publish, subscribe, unsubscribe } from 'lightning/messageService';
import { refreshApex } from '@salesforce/apex';
import SWITCHBOARD_CALL_CHANNEL from '@salesforce/messageChannel/Switchboard_Call__c';
import getRecentCalls from '@salesforce/apex/SwitchboardCallLogController.getRecentCalls';
import { parseAdapterMessage, retryLog, sameRecord, stateRequest } from './channel';
import { STATE_VIEW, describeCall, describeDirection } from './callView';
import { LABELS, label } from './labels';
import { formatDuration, parseFieldList } from './format';
import { reduceErrors } from './reduceErrors';

const DEFAULT_PHONE_FIELDS = 'Phone,MobilePhone';
const DEFAULT_RECENT_CALL_LIMIT = 5;
const MAX_RECENT_CALL_LIMIT = 50;
/** Calls kept on screen at once; older ones drop off (they are in Recent calls once logged). */
const MAX_TRACKED_CALLS = 5;
const TIMER_INTERVAL_MS = 1000;

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

function taskUrl(taskId) {
    return `/lightning/r/Task/${taskId}/view`;
}

export default class SwitchboardClickToDial extends NavigationMixin(LightningElement) {
    /** Set by the record page; undefined on app and home pages. */
    @api recordId;
    @api objectApiName;
    /** App Builder: card title; when the admin sets none, the Switchboard_Card_Title label in the user's language. */
    @api cardTitle;

    /** App Builder: comma-separated phone field API names. */
    @api
    get phoneFields() {
        return this._phoneFields;
    }
    set phoneFields(value) {
        this._phoneFields = value;
        this.fieldNames = parseFieldList(value);
    }

    /** App Builder: show the Recent calls list (defaults to on, so a getter/setter pair). */
    @api
    get showRecentCalls() {
        return this._showRecentCalls;
    }
    set showRecentCalls(value) {
        this._showRecentCalls = value !== false && value !== 'false';
    }

    /** App Builder: how many recent calls, clamped to 1..50. */
    @api
    get recentCallLimit() {
        return this._recentCallLimit;
    }
    set recentCallLimit(value) {
        const n = value === null || value === '' ? NaN : Math.trunc(Number(value));
        this._recentCallLimit = Number.isFinite(n)
            ? Math.min(Math.max(n, 1), MAX_RECENT_CALL_LIMIT)
            : DEFAULT_RECENT_CALL_LIMIT;
    }

    _phoneFields = DEFAULT_PHONE_FIELDS;
    fieldNames = parseFieldList(DEFAULT_PHONE_FIELDS);
    _showRecentCalls = true;
    _recentCallLimit = DEFAULT_RECENT_CALL_LIMIT;

    record;
    recordError;
    fieldLabels = {};
    recentCallsResult;
    recentCalls;
    recentCallsError;

    /** null until the adapter says anything; then its last `ready` value. */
    readiness = null;
    /** Last status per call id, for calls on this record, newest first. */
    calls = [];
    announcement = '';
    now = Date.now();

    subscription = null;
    timerId = null;

    @wire(MessageContext)
    messageContext;

    /** `Contact.Phone`-style names; optional, so a field the object lacks is just left out. */
    get optionalFields() {
        if (!this.objectApiName) return undefined;
        return this.fieldNames.map((field) => `${this.objectApiName}.${field}`);
    }

    @wire(getRecord, { recordId: '$recordId', optionalFields: '$optionalFields' })
    wiredRecord({ data, error }) {
        this.record = data;
        this.recordError = error;
    }

    @wire(getObjectInfo, { objectApiName: '$objectApiName' })
    wiredObjectInfo({ data }) {
        // Labels are a nicety: without object info the API name is shown.
        const labels = {};
        if (data?.fields) {
            for (const [name, field] of Object.entries(data.fields)) labels[name] = field.label;
        }
        this.fieldLabels = labels;
    }

    /** undefined (so the wire does not call Apex) when the list is hidden or there is no record. */
    get recentCallsRecordId() {
        return this.showRecentCalls ? this.recordId : undefined;
    }

    @wire(getRecentCalls, { recordId: '$recentCallsRecordId', limitSize: '$recentCallLimit' })
    wiredRecentCalls(result) {
        this.recentCallsResult = result;
        this.recentCalls = result.data;
        this.recentCallsError = result.error;
    }

    connectedCallback() {
        if (!this.subscription) {
            // APPLICATION_SCOPE: a record page in a background console tab still hears the softphone.
            this.subscription = subscribe(
                this.messageContext,
                SWITCHBOARD_CALL_CHANNEL,
                (message) => this.handleMessage(message),
                { scope: APPLICATION_SCOPE }
            );
        }
        // Lightning keeps no history on a channel: ask the adapter to repeat what it knows.
        publish(this.messageContext, SWITCHBOARD_CALL_CHANNEL, stateRequest(this.recordId));
    }

    disconnectedCallback() {
        unsubscribe(this.subscription);
        this.subscription = null;
        this.stopTimer();
    }

    handleMessage(raw) {
        const message = parseAdapterMessage(raw);
        if (!message) return;
        if (message.type === 'ready') {
            if (this.readiness !== message.ready) {
                this.announcement = message.ready ? LABELS.readyAnnouncement : LABELS.unavailable;
            }
            this.readiness = message.ready;
            return;
        }
        if (this.recordId && !sameRecord(message.recordId, this.recordId)) return;
        this.applyStatus(message);
    }

    applyStatus(status) {
        const previous = this.calls.find((call) => call.callId === status.callId);
        const others = this.calls.filter((call) => call.callId !== status.callId);
        this.calls = [status, ...others]
            .sort((a, b) => b.startedAt - a.startedAt)
            .slice(0, MAX_TRACKED_CALLS);
        if (previous?.state !== status.state) {
            this.announcement = label(LABELS.announcement, {
                state: STATE_VIEW[status.state].label,
                description: describeCall(status)
            });
            if (status.state === 'logged' && this.recentCallsResult) {
                refreshApex(this.recentCallsResult);
            }
        }
        this.syncTimer();
    }

    syncTimer() {
        const anyLive = this.calls.some((call) => STATE_VIEW[call.state].live);
        if (anyLive && !this.timerId) {
            this.now = Date.now();
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- mm:ss call timer; cleared in stopTimer()
            this.timerId = setInterval(() => {
                this.now = Date.now();
            }, TIMER_INTERVAL_MS);
        } else if (!anyLive) {
            this.stopTimer();
        }
    }

    stopTimer() {
        if (this.timerId) {
            clearInterval(this.timerId);
            this.timerId = null;
        }
    }

    // ---- view model -------------------------------------------------------------------------

    get title() {
        return this.cardTitle || LABELS.title;
    }

    get labels() {
        return LABELS;
    }

    get isReady() {
        return this.readiness === true;
    }

    get showUnavailable() {
        return !this.isReady;
    }

    get readinessLabel() {
        return this.isReady ? LABELS.ready : LABELS.unavailable;
    }

    get readinessBadgeClass() {
        return this.isReady ? 'slds-theme_success' : 'slds-badge_lightest';
    }

    get unavailableHelp() {
        return this.readiness === false ? LABELS.unavailableConnecting : LABELS.unavailableNoSoftphone;
    }

    get phones() {
        const fields = this.record?.fields ?? {};
        return this.fieldNames
            .filter((field) => {
                const value = fields[field]?.value;
                return typeof value === 'string' && value.trim().length > 0;
            })
            .map((field) => ({
                field,
                key: field,
                dataId: `dial-${field}`,
                label: this.fieldLabels[field] || field,
                value: fields[field].value,
                params: `switchboardSource=recordPage,field=${field}`
            }));
    }

    get hasRecord() {
        return !!this.recordId && !!this.objectApiName;
    }

    get hasPhones() {
        return this.phones.length > 0;
    }

    get showNoPhones() {
        return this.hasRecord && !!this.record && !this.hasPhones;
    }

    get recordErrorText() {
        if (!this.recordError) return null;
        return label(LABELS.recordError, { reasons: reduceErrors(this.recordError).join(' ') }).trim();
    }

    get callViews() {
        return this.calls.map((call) => {
            const view = STATE_VIEW[call.state];
            const end = view.live ? this.now : call.endedAt;
            const hasDuration = call.connectedAt !== null && typeof end === 'number';
            const hasTask = call.state === 'logged' && SALESFORCE_ID.test(call.taskId ?? '');
            return {
                key: call.callId,
                callId: call.callId,
                stateLabel: view.label,
                badgeClass: view.badgeClass,
                description: describeCall(call),
                duration: hasDuration ? formatDuration((end - call.connectedAt) / 1000) : null,
                durationLabel: view.live ? LABELS.callTime : LABELS.duration,
                taskId: hasTask ? call.taskId : null,
                taskUrl: hasTask ? taskUrl(call.taskId) : null,
                canRetry: call.state === 'logFailed'
            };
        });
    }

    get hasCalls() {
        return this.calls.length > 0;
    }

    get showRecentSection() {
        return this.showRecentCalls && !!this.recordId;
    }

    get recentCallViews() {
        return (this.recentCalls ?? []).map((task) => ({
            key: task.Id,
            taskId: task.Id,
            url: taskUrl(task.Id),
            subject: task.Subject || LABELS.call,
            direction: describeDirection(task.CallType),
            duration:
                typeof task.CallDurationInSeconds === 'number'
                    ? formatDuration(task.CallDurationInSeconds)
                    : '—',
            disposition: task.CallDisposition || null,
            when: task.CreatedDate
        }));
    }

    get hasRecentCalls() {
        return this.recentCallViews.length > 0;
    }

    get showNoRecentCalls() {
        return Array.isArray(this.recentCalls) && this.recentCalls.length === 0;
    }

    get recentCallsErrorText() {
        if (!this.recentCallsError) return null;
        return label(LABELS.recentCallsError, {
            reasons: reduceErrors(this.recentCallsError).join(' ')
        }).trim();
    }

    // ---- handlers ---------------------------------------------------------------------------

    handleRetry(event) {
        const { callId } = event.currentTarget.dataset;
        publish(this.messageContext, SWITCHBOARD_CALL_CHANNEL, retryLog(callId));
    }

    handleOpenTask(event) {
        event.preventDefault();
        const { taskId } = event.currentTarget.dataset;
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId: taskId, objectApiName: 'Task', actionName: 'view' }
        });
    }
}
