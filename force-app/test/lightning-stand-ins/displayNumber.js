/**
 * How lightning-click-to-dial shows a number: North American numbers as (415) 555-0100, anything else as
 * given. Shared by the emulator's lightning-click-to-dial and its record page's phone fields.
 * @param {string} value
 * @returns {string}
 */
export function displayNumber(value) {
    const digits = value.replace(/\D/g, '');
    let national = null;
    if (digits.length === 11 && digits.startsWith('1')) national = digits.slice(1);
    else if (digits.length === 10 && !value.trim().startsWith('+')) national = digits;
    return national === null
        ? value
        : `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`;
}
