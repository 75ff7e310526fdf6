/**
 * Wire adapters for data that arrives asynchronously from the emulator host, emitting `{data, error}` as
 * LDS and the Apex wire do. A newer config (or a disconnect) wins over an answer still in flight, so a
 * slow read never overwrites a newer one.
 */
export function outcomeAdapter({ isReady, load, watch }) {
  return class OutcomeAdapter {
    constructor(dataCallback) {
      this.dataCallback = dataCallback;
      this.config = undefined;
      this.generation = 0;
      this.stopWatching = null;
    }

    update(config) {
      this.config = config;
      this.fetch();
    }

    connect() {
      if (watch) this.stopWatching = watch(() => this.fetch());
    }

    disconnect() {
      this.generation += 1;
      this.stopWatching?.();
      this.stopWatching = null;
    }

    /** Resolves once the value for the current config has been emitted (or superseded). */
    fetch() {
      if (!this.config || !isReady(this.config)) return Promise.resolve();
      const generation = ++this.generation;
      return load(this.config).then((outcome) => {
        if (generation !== this.generation) return;
        this.emit(
          'error' in outcome
            ? { data: undefined, error: outcome.error }
            : { data: outcome.data, error: undefined }
        );
      });
    }

    emit(value) {
      this.dataCallback(value);
    }
  };
}

/** True when every value of a wire config is defined: the platform does not call out before that. */
export function allDefined(config) {
  return Object.values(config).every((value) => value !== undefined);
}
