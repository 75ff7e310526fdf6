/**
 * Stand-in for lightning/uiRecordApi (replaces @salesforce/sfdx-lwc-jest/src/lightning-stubs/uiRecordApi),
 * after lwc-recipes: wire adapters are LDS test adapters, so tests call getRecord.emit(record) /
 * getRecord.error(body) and read getRecord.getLastConfig(). getFieldValue / getFieldDisplayValue are the
 * emulator's too (../../lightning-stand-ins/recordFields.js).
 */
import { createLdsTestWireAdapter } from '@salesforce/wire-service-jest-util';
import {
    getFieldDisplayValue as readFieldDisplayValue,
    getFieldValue as readFieldValue
} from '../../lightning-stand-ins/recordFields';

export const getRecord = createLdsTestWireAdapter(jest.fn());
export const getRecords = createLdsTestWireAdapter(jest.fn());
export const getRecordCreateDefaults = createLdsTestWireAdapter(jest.fn());
export const createRecord = jest.fn().mockResolvedValue({});
export const updateRecord = jest.fn().mockResolvedValue({});
export const deleteRecord = jest.fn().mockResolvedValue();
export const notifyRecordUpdateAvailable = jest.fn().mockResolvedValue();

/** Reads `Object.Field` (or `Object.Lookup__r.Field`) from a UI API record, as the real one does. */
export const getFieldValue = jest.fn(readFieldValue);
export const getFieldDisplayValue = jest.fn(readFieldDisplayValue);
