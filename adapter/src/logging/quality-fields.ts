import { currentLocale, t } from '../i18n/labels';
import { qualitySummary, type CallQuality } from '../quality/call-quality';

/**
 * The call-quality part of a call's Task: custom Activity fields shipped in the package
 * (objects/Activity/fields) and granted by the Switchboard_User permission set.
 *
 * Only a call that was sampled (a connected SIP call) names them: demo-line calls, missed calls and every
 * call before this release write exactly the fields they always did. A SIP call's log does name them,
 * and saveLog fails as a whole if the agent cannot edit a field it names, so agents need
 * Switchboard_User (which they need anyway for the adapter page and its Apex) or the same field access
 * granted another way: docs/call-quality.md, "Task fields".
 */
export const QUALITY_FIELDS = {
  average: 'Switchboard_MOS_Average__c',
  worst: 'Switchboard_MOS_Worst__c',
  codec: 'Switchboard_Codec__c'
} as const;

export function qualityFields(quality: CallQuality | null): Record<string, number | string> {
  if (!quality || quality.samples === 0) return {};
  const { average, worst, codec } = qualitySummary(quality);
  const fields: Record<string, number | string> = {
    [QUALITY_FIELDS.average]: average,
    [QUALITY_FIELDS.worst]: worst
  };
  if (codec) fields[QUALITY_FIELDS.codec] = codec;
  return fields;
}

/**
 * One line for the Task's Description, in the agent's language: readable in any org, with or without the
 * custom fields on the layout. Two decimals, as the fields hold them.
 */
export function qualityLine(quality: CallQuality | null): string | null {
  if (!quality || quality.samples === 0) return null;
  const { average, worst, codec } = qualitySummary(quality);
  const mos = new Intl.NumberFormat(currentLocale(), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return t('Switchboard_Task_Quality', {
    average: mos.format(average),
    worst: mos.format(worst),
    hasCodec: codec ? 'yes' : 'no',
    codec: codec ?? ''
  });
}
