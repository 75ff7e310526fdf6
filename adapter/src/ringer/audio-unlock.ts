/**
 * Browsers let a page play sound only after the user has interacted with it (Chromium's
 * `document-user-activation-required` autoplay policy; Firefox and Safari behave alike). The agent's first
 * pointerdown or key press in the softphone is that interaction: each one is handed to `onGesture` (which
 * does nothing once sound is unlocked). Capture phase, so a handler that stops propagation cannot hide it.
 * Returns the function that removes the listeners.
 */
export function listenForGestures(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  onGesture: () => void
): () => void {
  const kinds = ['pointerdown', 'keydown'] as const;
  const handler = (): void => onGesture();
  for (const kind of kinds) target.addEventListener(kind, handler, { capture: true });
  return () => {
    for (const kind of kinds) target.removeEventListener(kind, handler, { capture: true });
  };
}
