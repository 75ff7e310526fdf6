/**
 * lightning/uiRecordApi's getFieldValue / getFieldDisplayValue, shared by the jest mock and the emulator's
 * stand-in: `Object.Field` (or `Object.Lookup__r.Field`, or a field token `{objectApiName, fieldApiName}`)
 * read from a UI API record, undefined when the record does not carry the field.
 */
function fieldName(field) {
    return typeof field === 'string' ? field : `${field.objectApiName}.${field.fieldApiName}`;
}

export function getFieldValue(record, field) {
    let current = record;
    for (const part of fieldName(field).split('.').slice(1)) {
        const entry = current?.fields?.[part];
        if (entry === undefined) return undefined;
        current = entry.value;
    }
    return current;
}

export function getFieldDisplayValue(record, field) {
    const parts = fieldName(field).split('.').slice(1);
    const last = parts.pop();
    let current = record;
    for (const part of parts) current = current?.fields?.[part]?.value;
    return current?.fields?.[last]?.displayValue;
}
