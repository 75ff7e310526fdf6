/**
 * The host end of the postMessage protocol. Like Lightning, it trusts only the softphone iframe:
 * the sender must be that iframe's window AND come from the adapter origin. Replies go to the
 * adapter origin only, after a small delay so no adapter code can rely on synchronous answers.
 */
import {
  API_TYPE,
  API_VERSION,
  isMethodCallMessage,
  type CallbackReplyMessage,
  type Json,
  type ListenerEventMessage,
  type MethodCallMessage,
  type OpenCtiResponse
} from '../shared/protocol';
import { fail, genericError } from './responses';
import type { Store } from './store';

export type ReplyDelay = number | Record<string, number>;

/**
 * A handler's answer: at once, or later when the server's org answers (saveLog, the findCallLog
 * lookup). A promise that resolves to null is an answer that never comes (a lost saveLog answer).
 */
export type HostAnswer = OpenCtiResponse | Promise<OpenCtiResponse | null>;

function toJson(value: unknown): Json {
  try {
    return JSON.parse(JSON.stringify(value) ?? 'null') as Json;
  } catch {
    return String(value);
  }
}

export class Bridge {
  /** Replies must carry the client library's own version; learn it from what the adapter sends. */
  private apiVersion = API_VERSION;
  private defaultDelay = 5;
  private perMethodDelay: Record<string, number> = {};

  constructor(
    private readonly adapterOrigin: string,
    private readonly frameWindow: () => Window | null,
    private readonly store: Store,
    private readonly handle: (call: MethodCallMessage) => HostAnswer
  ) {}

  start(): void {
    window.addEventListener('message', (event) => this.receive(event));
  }

  /** A number sets every method's delay; a map sets per-method delays (key `*` = default). */
  setReplyDelay(delay: ReplyDelay): void {
    if (typeof delay === 'number') {
      this.defaultDelay = delay;
      this.perMethodDelay = {};
      return;
    }
    const { '*': fallback, ...rest } = delay;
    if (typeof fallback === 'number') this.defaultDelay = fallback;
    this.perMethodDelay = { ...this.perMethodDelay, ...rest };
  }

  resetDelays(): void {
    this.setReplyDelay(5);
  }

  /** A listener event (onClickToDial, onNavigationChange, onWorkStart, LMS `subscribe` with eventName). */
  emit(methodName: string, payload: Json, eventName?: string): void {
    const message: ListenerEventMessage = {
      methodName,
      apiVersion: this.apiVersion,
      apiType: API_TYPE,
      shouldExecuteListener: true,
      response: payload
    };
    if (eventName !== undefined) message.eventName = eventName;
    this.frameWindow()?.postMessage(message, this.adapterOrigin);
  }

  private receive(event: MessageEvent<unknown>): void {
    const source = this.frameWindow();
    if (event.origin !== this.adapterOrigin || source === null || event.source !== source) return;
    const data = event.data;
    if (!isMethodCallMessage(data)) {
      this.store.update((s) =>
        s.protocolErrors.push({ at: Date.now(), reason: 'Malformed Open CTI message', data: toJson(data) })
      );
      return;
    }
    this.apiVersion = data.apiVersion;
    this.store.update((s) =>
      s.calls.push({
        at: Date.now(),
        methodName: data.methodName,
        callId: data.callId,
        args: toJson(data.args) as Record<string, Json>
      })
    );
    const receivedAt = Date.now();
    const failed = (err: unknown): OpenCtiResponse => {
      // The host never throws at the adapter: a bug in a handler (or the org server gone) becomes a GENERIC_ERROR reply.
      const reason = `Handler for ${data.methodName} threw: ${err instanceof Error ? err.message : String(err)}`;
      this.store.update((s) => s.protocolErrors.push({ at: Date.now(), reason, data: toJson(data) }));
      return fail(genericError());
    };
    let answer: HostAnswer;
    try {
      answer = this.handle(data);
    } catch (err) {
      answer = failed(err);
    }
    if (!(answer instanceof Promise)) {
      this.reply(data, source, answer, receivedAt);
      return;
    }
    answer.then(
      (response) => {
        if (response !== null) this.reply(data, source, response, receivedAt);
      },
      (err: unknown) => this.reply(data, source, failed(err), receivedAt)
    );
  }

  /** The reply delay counts from the request, so an answer from the server's org keeps the usual timing. */
  private reply(
    data: MethodCallMessage,
    source: Window,
    response: OpenCtiResponse,
    receivedAt: number
  ): void {
    if (!data.isCallbackRegistered) return;
    const reply: CallbackReplyMessage = {
      methodName: data.methodName,
      callId: data.callId,
      apiVersion: data.apiVersion,
      apiType: API_TYPE,
      shouldExecuteCallback: true,
      response
    };
    const delay = this.perMethodDelay[data.methodName] ?? this.defaultDelay;
    const remaining = Math.max(0, delay - (Date.now() - receivedAt));
    window.setTimeout(() => source.postMessage(reply, this.adapterOrigin), remaining);
  }
}
