import { currentLocale } from './labels';

/**
 * Several whole sentences (each its own label) shown as one paragraph. Chinese and Japanese end a
 * sentence with a full-width stop and put no space after it; the other languages we ship do.
 */
export function joinSentences(sentences: readonly string[], locale: string = currentLocale()): string {
  const language = locale.split('-')[0]?.toLowerCase();
  return sentences.join(language === 'ja' || language === 'zh' ? '' : ' ');
}
