import type { Logger } from '../logging/logger';
import { localeTag, readPageLabels, useLabels } from './labels';

/**
 * Takes the agent's language from the page Salesforce rendered: the labels block in their language and
 * `$User.LocaleSidKey` for number, date and time formats (a German-language user in Switzerland gets
 * de-CH formats). `lang` on the document picks the right CJK glyphs and the screen reader's voice.
 */
export function startLanguage(
  dataset: DOMStringMap,
  doc: Pick<Document, 'getElementById' | 'documentElement'>,
  logger: Pick<Logger, 'warn'>
): void {
  const { labels, problem } = readPageLabels(doc);
  if (problem) logger.warn(`Switchboard: ${problem}; the panel shows label names.`);
  const language = localeTag(dataset.language);
  useLabels(labels, localeTag(dataset.locale ?? dataset.language), (message) => logger.warn(message));
  doc.documentElement.lang = language;
}
