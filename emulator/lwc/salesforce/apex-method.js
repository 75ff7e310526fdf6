/**
 * An Apex method as a component imports it from `@salesforce/apex/<Class>.<method>`: callable
 * imperatively (a Promise of the result) and as a wire adapter emitting `{data, error}`. Each wire
 * remembers the values it provisioned so refreshApex (./apex.js) can re-run it; Apex wires never
 * refresh on their own.
 */
import { host } from '../host-link';
import { allDefined, outcomeAdapter } from '../wire-adapters';

/** provisioned value → the wire adapter that emitted it */
const provisioners = new WeakMap();

export function provisionerOf(value) {
  return provisioners.get(value);
}

export function apexMethod(classAndMethod) {
  const call = (params) =>
    host()
      .apex.call(classAndMethod, params ?? {})
      .then((outcome) => {
        if ('error' in outcome) throw outcome.error;
        return outcome.data;
      });
  const Base = outcomeAdapter({
    // The Apex wire does not call the method while any parameter is still undefined.
    isReady: allDefined,
    load: (config) => host().apex.call(classAndMethod, config)
  });
  call.adapter = class extends Base {
    emit(value) {
      provisioners.set(value, this);
      super.emit(value);
    }
  };
  return call;
}
