/**
 * What the emulator's host page gives the compiled LWC runtime: the one seam between the Lightning
 * stand-in (TypeScript, esbuild) and the platform-module stand-ins inside the LWC bundle (JavaScript,
 * compiled by @lwc/rollup-plugin). Everything crossing it is plain JSON, as it is between a component
 * and Lightning's data services.
 */
import type { Json, JsonObject } from '../shared/protocol';

/** What `lightning-click-to-dial` hands Lightning on a click: its `value`, `record-id` and `params`. */
export interface ClickToDialRequest {
  number: string;
  recordId?: string;
  params?: string;
}

/** A UI API error as LDS delivers it to a wire (`body` is an array of `{errorCode, message}` for reads). */
export interface UiApiError {
  status: number;
  statusText: string;
  body: { errorCode: string; message: string }[];
}

/** An Apex error as the Apex wire and imperative calls deliver it. */
export interface ApexError {
  status: number;
  statusText: string;
  body: { message: string; exceptionType?: string };
}

export type Outcome<T, E> = { data: T } | { error: E };

export interface UiRecordFields {
  fields?: string[];
  optionalFields?: string[];
}

export interface LwcHost {
  /** `lightning-click-to-dial`'s view of `enableClickToDial` / `disableClickToDial`. */
  clickToDial: {
    enabled(): boolean;
    /** Called with the new value whenever the softphone enables or disables click-to-dial. */
    onChange(listener: (enabled: boolean) => void): () => void;
    /** The platform's click path: false (nothing sent) when click-to-dial is disabled. */
    dial(request: ClickToDialRequest): boolean;
  };
  /** Lightning Message Service, by channel API name, on the emulator's one bus. */
  messages: {
    subscribe(channel: string, listener: (message: Json) => void): () => void;
    publish(channel: string, message: Json): void;
  };
  /** LDS reads (`lightning/uiRecordApi`, `lightning/uiObjectInfoApi`). */
  records: {
    getRecord(recordId: string, request: UiRecordFields): Promise<Outcome<JsonObject, UiApiError>>;
    getObjectInfo(objectApiName: string): Promise<Outcome<JsonObject, UiApiError>>;
    /** Called after any record may have changed (LDS keeps wired records fresh). */
    onChange(listener: () => void): () => void;
  };
  /** `@salesforce/apex/<Class>.<method>`: only the classes the component imports exist. */
  apex: {
    call(classAndMethod: string, params: JsonObject): Promise<Outcome<Json, ApexError>>;
  };
  /** `lightning/navigation`'s Navigate. */
  navigate(pageReference: JsonObject, replace: boolean): void;
}

/** App Builder properties and the record context a record page gives the component. */
export interface RecordComponentProps {
  recordId: string;
  objectApiName: string;
  [property: string]: string | number | boolean;
}
