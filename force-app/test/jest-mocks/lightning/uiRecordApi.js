/**
 * Stand-in for lightning/uiRecordApi (replaces @salesforce/sfdx-lwc-jest/src/lightning-stubs/uiRecordApi),
 * after lwc-recipes: wire adapters are LDS test adapters, so tests call getRecord.emit(record) /
 * getRecord.error(body) and read getRecord.getLastConfig().
 */
import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const getRecord = createLdsTestWireAdapter(jest.fn());
export const getRecords = createLdsTestWireAdapter(jest.fn());
export const getRecordCreateDefaults = createLdsTestWireAdapter(jest.fn());
export const createRecord = jest.fn().mockResolvedValue({});
export const updateRecord = jest.fn().mockResolvedValue({});
export const deleteRecord = jest.fn().mockResolvedValue();
export const notifyRecordUpdateAvailable = jest.fn().mockResolvedValue();

const fieldName = (field) =>
    typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;

/** Reads `Object.Field` (or `Object.Lookup__r.Field`) from a UI API record, as the real one does. */
export const getFieldValue = jest.fn((record, field) => {
    let current = record;
    for (const part of fieldName(field).split('.').slice(1)) {
        const entry = current?.fields?.[part];
        if (entry === undefined) return undefined;
        current = entry.value;
    }
    return current;
});

export const getFieldDisplayValue = jest.fn((record, field) => {
    const parts = fieldName(field).split('.').slice(1);
    const last = parts.pop();
    let current = record;
    for (const part of parts) current = current?.fields?.[part]?.value;
    return current?.fields?.[last]?.displayValue;
});
