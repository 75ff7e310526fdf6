/**
 * lightning-formatted-date-time: the value (an ISO string, a timestamp or a Date) through
 * Intl.DateTimeFormat with the attributes the owner sets, in the browser's locale (Lightning uses the
 * user's locale setting). A value that is not a date shows nothing.
 */
import { LightningElement, api } from 'lwc';

const OPTIONS = [
  'weekday',
  'era',
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'timeZoneName',
  'timeZone'
];

export default class FormattedDateTime extends LightningElement {
  @api value;
  @api weekday;
  @api era;
  @api year;
  @api month;
  @api day;
  @api hour;
  @api minute;
  @api second;
  @api timeZoneName;
  @api timeZone;
  @api hour12;

  get formatted() {
    if (this.value === undefined || this.value === null || this.value === '') return '';
    const date = new Date(this.value);
    if (Number.isNaN(date.getTime())) return '';
    const options = {};
    for (const key of OPTIONS) if (this[key] !== undefined) options[key] = this[key];
    if (this.hour12 !== undefined) options.hour12 = this.hour12 !== false && this.hour12 !== 'false';
    const hasParts = OPTIONS.some((key) => key !== 'timeZone' && options[key] !== undefined);
    // With no parts asked for, a date: year, month and day.
    const effective = hasParts ? options : { ...options, year: 'numeric', month: 'numeric', day: 'numeric' };
    try {
      return new Intl.DateTimeFormat(undefined, effective).format(date);
    } catch {
      return '';
    }
  }
}
