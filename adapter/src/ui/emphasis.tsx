/**
 * Stands in for a value a message shows in bold: the whole sentence comes from one label (its word order
 * is the translator's), then is split where the marker landed. A private-use character, so no label or
 * caller text contains it.
 */
export const EMPHASIS_SLOT = '\uE000';

/** `text` is a label formatted with EMPHASIS_SLOT as the value to embolden. */
export function Emphasized({ text, value }: { text: string; value: string }) {
  const at = text.indexOf(EMPHASIS_SLOT);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <strong>{value}</strong>
      {text.slice(at + EMPHASIS_SLOT.length).replaceAll(EMPHASIS_SLOT, value)}
    </>
  );
}
