import { initialState, transition } from '../../adapter/src/call/machine';
import type { Effect, EventInput, MachineEvent, MachineState } from '../../adapter/src/call/types';
import { useLabels } from '../../adapter/src/i18n/labels';
import { labelsForLanguage } from '../../scripts/lib/custom-labels';

/**
 * Installs the real English labels from the label file, as the emulator's page renders them by default,
 * so a test reads the words the agent reads. Without it `t()` returns label names.
 */
export function useEnglishLabels(locale = 'en-US'): void {
  useLabels(Object.fromEntries(labelsForLanguage('en_US')), locale);
}

/** Drives the pure machine through a script of events, collecting every effect. */
export function run(
  events: EventInput[],
  start: MachineState = readyState(),
  clock = { t: 1_700_000_000_000 }
) {
  let state = start;
  const effects: Effect[] = [];
  for (const e of events) {
    clock.t += 1000;
    const [next, fx] = transition(state, { ...e, at: clock.t } as MachineEvent);
    state = next;
    effects.push(...fx);
  }
  return { state, effects };
}

export function readyState(): MachineState {
  const s0 = initialState();
  const [s1] = transition(s0, {
    type: 'INITIALIZED',
    at: 0,
    defaultCountry: 'US',
    dispositions: ['Completed', 'No answer', 'Busy']
  });
  const [s2] = transition(s1, { type: 'REGISTRATION', at: 0, state: 'registered' });
  return s2;
}

export const CONTACT = { id: '003000000000001AAA', name: 'Ada Lovelace', objectType: 'Contact' };
export const ACCOUNT = { id: '001000000000001AAA', name: 'Analytical Engines', objectType: 'Account' };
export const LEAD = { id: '00Q000000000001AAA', name: 'Grace Hopper', objectType: 'Lead' };
