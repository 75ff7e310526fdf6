/** @salesforce/i18n/locale: the user's locale as a BCP 47 tag (de-DE), from the host page (see i18n.js). */
import { locale } from './i18n';

export default locale;
