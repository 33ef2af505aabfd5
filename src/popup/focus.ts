// Where focus goes when what the user pressed disappears (Save, Start over, Remove, Stop, a step done
// elsewhere): to the one next action that replaced it, never left on <body>. On open, too.
import { useLayoutEffect, useRef, type MutableRef } from 'preact/hooks';

const lost = () => document.activeElement === null || document.activeElement === document.body;

/** After every render: if focus fell to <body> (its element was removed), this element takes it. */
export function useTakesLostFocus(ref: MutableRef<HTMLElement | null>): void {
  useLayoutEffect(() => {
    if (ref.current !== null && lost()) ref.current.focus();
  });
}

/**
 * Focus for an element the next render brings back (the button that opened a confirmation, after Cancel or Esc).
 * A layout effect, not a frame callback: frames do not run in a tab the browser is not painting.
 */
export function useFocusAfterRender(): (target: MutableRef<HTMLElement | null>) => void {
  const pending = useRef<MutableRef<HTMLElement | null> | null>(null);
  useLayoutEffect(() => {
    const element = pending.current?.current;
    if (element === null || element === undefined) return;
    element.focus();
    pending.current = null;
  });
  return (target) => {
    pending.current = target;
  };
}
