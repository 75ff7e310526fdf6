/** Salesforce-looking record Ids: 3-char key prefix, 15-char case-sensitive id, 3-char checksum suffix. */

const KEY_PREFIX: Record<string, string> = {
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  Task: '00T',
  Case: '500',
  Opportunity: '006'
};

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The platform's case-insensitive suffix: one char per 5-char chunk, encoding which chars are upper case. */
export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

export function keyPrefixOf(objectType: string): string {
  return KEY_PREFIX[objectType] ?? 'a0X';
}

/** A deterministic 18-char Id: prefix + `5g000` pod-like part + counter. */
export function makeId(objectType: string, counter: number): string {
  const id15 = `${keyPrefixOf(objectType)}5g000${String(counter).padStart(7, '0')}`.slice(0, 15);
  return id15 + checksumSuffix(id15);
}
