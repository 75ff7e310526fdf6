const FIELD_API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Seconds → "mm:ss" (minutes keep counting past 59). */
export function formatDuration(totalSeconds) {
    const seconds = Math.max(0, Math.floor(totalSeconds));
    const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
    const ss = String(seconds % 60).padStart(2, '0');
    return `${mm}:${ss}`;
}

/** "Phone, MobilePhone ,Bad Name" → ['Phone', 'MobilePhone']: trimmed, valid API names, no repeats. */
export function parseFieldList(value) {
    const names = String(value ?? '')
        .split(',')
        .map((name) => name.trim())
        .filter((name) => FIELD_API_NAME.test(name));
    return [...new Set(names)];
}
