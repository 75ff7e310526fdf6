/**
 * Seed records for the emulator's in-memory org. Numbers are written in varied formats, and
 * +1 415 555 0100 is shared by an Account, a Contact and a Lead so an inbound search can
 * return several matches. Tests import SEED_IDS to address records without guessing.
 */
import { makeId } from './ids';

export type FieldValue = string | number | boolean | null;

export interface SRecord {
  Id: string;
  objectType: string;
  /** Exactly the fields that were set (for saveLog: exactly what the adapter sent, plus object defaults). */
  fields: Record<string, FieldValue>;
}

export const SEED_IDS = {
  acme: makeId('Account', 1),
  globex: makeId('Account', 2),
  ada: makeId('Contact', 1),
  grace: makeId('Contact', 2),
  alan: makeId('Contact', 3),
  margaret: makeId('Contact', 4),
  katherine: makeId('Lead', 1),
  dorothy: makeId('Lead', 2)
} as const;

/** The shared main line (Account, Contact and Lead all carry it, in different formats). */
export const SHARED_NUMBER = '+1 415 555 0100';

/** Phone fields rendered as click-to-dial, in display order. */
export const PHONE_FIELDS = ['Phone', 'MobilePhone', 'HomePhone', 'OtherPhone'] as const;

/** `params` a page author passed to lightning-click-to-dial for a field, if any. */
export const CLICK_TO_DIAL_PARAMS: Record<string, string> = { MobilePhone: 'numberType=mobile' };

export function seedRecords(): SRecord[] {
  return [
    {
      Id: SEED_IDS.acme,
      objectType: 'Account',
      fields: {
        Name: 'Acme Corporation',
        Phone: '(415) 555-0100',
        Industry: 'Manufacturing',
        BillingCity: 'San Francisco'
      }
    },
    {
      Id: SEED_IDS.globex,
      objectType: 'Account',
      fields: { Name: 'Globex Inc', Phone: '+1 212 555 0199', Industry: 'Energy', BillingCity: 'New York' }
    },
    {
      Id: SEED_IDS.ada,
      objectType: 'Contact',
      fields: {
        FirstName: 'Ada',
        LastName: 'Lovelace',
        Title: 'Head of Analytics',
        AccountId: SEED_IDS.acme,
        Phone: '(415) 555-0132',
        MobilePhone: '+1 415 555 0177',
        Email: 'ada@acme.example'
      }
    },
    {
      Id: SEED_IDS.grace,
      objectType: 'Contact',
      fields: {
        FirstName: 'Grace',
        LastName: 'Hopper',
        Title: 'CTO',
        AccountId: SEED_IDS.globex,
        Phone: '212-555-0143',
        Email: 'grace@globex.example'
      }
    },
    {
      Id: SEED_IDS.alan,
      objectType: 'Contact',
      fields: {
        FirstName: 'Alan',
        LastName: 'Turing',
        Title: 'Researcher',
        AccountId: SEED_IDS.acme,
        Phone: '+44 20 7946 0958',
        Email: 'alan@acme.example'
      }
    },
    {
      Id: SEED_IDS.margaret,
      objectType: 'Contact',
      fields: {
        FirstName: 'Margaret',
        LastName: 'Hamilton',
        Title: 'Reception',
        AccountId: SEED_IDS.acme,
        Phone: '415.555.0100',
        Email: 'margaret@acme.example'
      }
    },
    {
      Id: SEED_IDS.katherine,
      objectType: 'Lead',
      fields: {
        FirstName: 'Katherine',
        LastName: 'Johnson',
        Company: 'Langley Research',
        Status: 'Open - Not Contacted',
        Phone: '4155550100'
      }
    },
    {
      Id: SEED_IDS.dorothy,
      objectType: 'Lead',
      fields: {
        FirstName: 'Dorothy',
        LastName: 'Vaughan',
        Company: 'West Computing',
        Status: 'Working - Contacted',
        Phone: '(757) 555-0123',
        MobilePhone: '757 555 0188'
      }
    }
  ];
}

/** The record's display name, the way Lightning shows it. */
export function recordName(record: SRecord): string {
  const f = record.fields;
  if (record.objectType === 'Contact' || record.objectType === 'Lead') {
    return [f.FirstName, f.LastName].filter((v) => typeof v === 'string' && v !== '').join(' ');
  }
  if (record.objectType === 'Task') return typeof f.Subject === 'string' ? f.Subject : '(no subject)';
  return typeof f.Name === 'string' ? f.Name : record.Id;
}
