import { qualityIsPoor, type CallQuality } from '../quality/call-quality';
import { qualityBand, type QualityBand } from '../quality/e-model';
import { t } from '../i18n/labels';

/** Whole class names (the SLDS subset keeps only classes it can find written out in the sources). */
const BADGE: Record<QualityBand, string> = {
  good: 'slds-badge slds-theme_success sb-quality-badge',
  fair: 'slds-badge slds-theme_warning sb-quality-badge',
  poor: 'slds-badge slds-theme_error sb-quality-badge'
};

/**
 * The connected call's estimated quality (latest sample's MOS, see quality/e-model.ts), and a warning once
 * it has stayed poor for a couple of samples: the agent learns the line is the problem while it lasts.
 */
export function CallQualityIndicator({ quality }: { quality: CallQuality | null }) {
  if (!quality) return null;
  const band = qualityBand(quality.lastMos);
  const mos = Math.round(quality.lastMos * 10) / 10;
  return (
    <div class="slds-m-top_x-small" data-id="call-quality" data-band={band} data-mos={quality.lastMos}>
      <span class={BADGE[band]} role="status" data-id="quality-badge">
        {t('Switchboard_Quality_Badge', { band, mos })}
      </span>
      {qualityIsPoor(quality) ? (
        <div
          class="slds-notify slds-notify_alert slds-theme_warning slds-m-top_x-small"
          role="alert"
          data-id="quality-warning"
        >
          <p>{t('Switchboard_Quality_Poor')}</p>
        </div>
      ) : null}
    </div>
  );
}
