/**
 * Every word the card shows is a Custom Label, so Salesforce serves it in the user's language and an admin
 * can override it in Translation Workbench. The messages are ICU-style; format them with `label()`.
 */
import Announcement from '@salesforce/label/c.Switchboard_Card_Announcement';
import Call from '@salesforce/label/c.Switchboard_Card_Call';
import CallConnected from '@salesforce/label/c.Switchboard_Card_CallConnected';
import CallDialing from '@salesforce/label/c.Switchboard_Card_CallDialing';
import CallHeld from '@salesforce/label/c.Switchboard_Card_CallHeld';
import CallIncoming from '@salesforce/label/c.Switchboard_Card_CallIncoming';
import CallLogFailed from '@salesforce/label/c.Switchboard_Card_CallLogFailed';
import CallLogged from '@salesforce/label/c.Switchboard_Card_CallLogged';
import CallLogging from '@salesforce/label/c.Switchboard_Card_CallLogging';
import CallRinging from '@salesforce/label/c.Switchboard_Card_CallRinging';
import CallTime from '@salesforce/label/c.Switchboard_Card_CallTime';
import CallWrapUp from '@salesforce/label/c.Switchboard_Card_CallWrapUp';
import CurrentCalls from '@salesforce/label/c.Switchboard_Card_CurrentCalls';
import DirectionInbound from '@salesforce/label/c.Switchboard_Card_DirectionInbound';
import DirectionInternal from '@salesforce/label/c.Switchboard_Card_DirectionInternal';
import DirectionOutbound from '@salesforce/label/c.Switchboard_Card_DirectionOutbound';
import Duration from '@salesforce/label/c.Switchboard_Card_Duration';
import Information from '@salesforce/label/c.Switchboard_Card_Information';
import NoPhones from '@salesforce/label/c.Switchboard_Card_NoPhones';
import NoRecentCalls from '@salesforce/label/c.Switchboard_Card_NoRecentCalls';
import PhoneNumbers from '@salesforce/label/c.Switchboard_Card_PhoneNumbers';
import Ready from '@salesforce/label/c.Switchboard_Card_Ready';
import ReadyAnnouncement from '@salesforce/label/c.Switchboard_Card_ReadyAnnouncement';
import RecentCalls from '@salesforce/label/c.Switchboard_Card_RecentCalls';
import RecentCallsError from '@salesforce/label/c.Switchboard_Card_RecentCallsError';
import RecordError from '@salesforce/label/c.Switchboard_Card_RecordError';
import Result from '@salesforce/label/c.Switchboard_Card_Result';
import Retry from '@salesforce/label/c.Switchboard_Card_Retry';
import RetryTitle from '@salesforce/label/c.Switchboard_Card_RetryTitle';
import StateConnected from '@salesforce/label/c.Switchboard_Card_StateConnected';
import StateDialing from '@salesforce/label/c.Switchboard_Card_StateDialing';
import StateHeld from '@salesforce/label/c.Switchboard_Card_StateHeld';
import StateLogFailed from '@salesforce/label/c.Switchboard_Card_StateLogFailed';
import StateLogged from '@salesforce/label/c.Switchboard_Card_StateLogged';
import StateLogging from '@salesforce/label/c.Switchboard_Card_StateLogging';
import StateRinging from '@salesforce/label/c.Switchboard_Card_StateRinging';
import StateWrapUp from '@salesforce/label/c.Switchboard_Card_StateWrapUp';
import Title from '@salesforce/label/c.Switchboard_Card_Title';
import Unavailable from '@salesforce/label/c.Switchboard_Card_Unavailable';
import UnavailableConnecting from '@salesforce/label/c.Switchboard_Card_UnavailableConnecting';
import UnavailableNoSoftphone from '@salesforce/label/c.Switchboard_Card_UnavailableNoSoftphone';
import UnknownError from '@salesforce/label/c.Switchboard_Card_UnknownError';
import ViewLog from '@salesforce/label/c.Switchboard_Card_ViewLog';
import LOCALE from '@salesforce/i18n/locale';
import { formatMessage } from './messageFormat';

export const LABELS = Object.freeze({
    announcement: Announcement,
    call: Call,
    callConnected: CallConnected,
    callDialing: CallDialing,
    callHeld: CallHeld,
    callIncoming: CallIncoming,
    callLogFailed: CallLogFailed,
    callLogged: CallLogged,
    callLogging: CallLogging,
    callRinging: CallRinging,
    callTime: CallTime,
    callWrapUp: CallWrapUp,
    currentCalls: CurrentCalls,
    directionInbound: DirectionInbound,
    directionInternal: DirectionInternal,
    directionOutbound: DirectionOutbound,
    duration: Duration,
    information: Information,
    noPhones: NoPhones,
    noRecentCalls: NoRecentCalls,
    phoneNumbers: PhoneNumbers,
    ready: Ready,
    readyAnnouncement: ReadyAnnouncement,
    recentCalls: RecentCalls,
    recentCallsError: RecentCallsError,
    recordError: RecordError,
    result: Result,
    retry: Retry,
    retryTitle: RetryTitle,
    stateConnected: StateConnected,
    stateDialing: StateDialing,
    stateHeld: StateHeld,
    stateLogFailed: StateLogFailed,
    stateLogged: StateLogged,
    stateLogging: StateLogging,
    stateRinging: StateRinging,
    stateWrapUp: StateWrapUp,
    title: Title,
    unavailable: Unavailable,
    unavailableConnecting: UnavailableConnecting,
    unavailableNoSoftphone: UnavailableNoSoftphone,
    unknownError: UnknownError,
    viewLog: ViewLog
});

/**
 * A label with its placeholders filled, in the user's locale (plurals and numbers follow it). A label an
 * admin broke (a stray brace) is shown as written rather than blanking the card.
 */
export function label(message, values = {}) {
    return formatMessage(message, values, LOCALE);
}
