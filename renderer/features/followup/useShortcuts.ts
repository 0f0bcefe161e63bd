import { useEffect } from 'react';
import type { Stores } from '../../stores/createStores';

/** The console's keys; the help overlay lists exactly these. */
export const SHORTCUTS = [
  { action: 'next', keys: ['N'] },
  { action: 'call', keys: ['C'] },
  { action: 'skip', keys: ['S'] },
  { action: 'reschedule', keys: ['R'] },
  { action: 'hangup', keys: ['H'] },
  { action: 'save', keys: ['Ctrl', 'Enter'] },
  { action: 'help', keys: ['?'] },
  { action: 'escape', keys: ['Esc'] },
] as const;
export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

/** Typing in these must never dial, skip or hang up. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

/** Which action a key press asks for, or null (typing, a modifier chord, an IME composition…). */
export function actionFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'isComposing' | 'target'>): ShortcutAction | null {
  if (event.isComposing) return null;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) return 'save';
  if (event.key === 'Escape') return 'escape';
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  switch (event.key) {
    case '?':
      return 'help';
    case 'n':
    case 'N':
      return 'next';
    case 'c':
    case 'C':
      return 'call';
    case 's':
    case 'S':
      return 'skip';
    case 'r':
    case 'R':
      return 'reschedule';
    case 'h':
    case 'H':
      return 'hangup';
    default:
      return null;
  }
}

/** Runs an action on the stores; false when there was nothing to act on (the key then does nothing). */
export function runShortcut(stores: Stores, action: ShortcutAction): boolean {
  const work = stores.work.getState();
  const phone = stores.softphone.getState();
  switch (action) {
    case 'help':
      work.setHelp(!work.helpOpen);
      return true;
    case 'escape':
      if (work.helpOpen) work.setHelp(false);
      else if (work.countdown) work.cancelCountdown();
      else if (work.skip.open || work.reschedule.open) work.closeForms();
      else return false;
      return true;
    case 'save': {
      const wrap = stores.wrapups.getState().current();
      if (!wrap) return false;
      void stores.wrapups.getState().save(wrap.id);
      return true;
    }
    case 'hangup': {
      const line = phone.lines.find((l) => l.state === 'active') ?? phone.lines.find((l) => l.state === 'dialing');
      if (!line) return false;
      void phone.hangup(line.id);
      return true;
    }
    case 'next':
      void work.next();
      return true;
    case 'call':
      if (!work.preview) return false;
      void work.call();
      return true;
    case 'skip':
      if (!work.preview) return false;
      work.openSkip();
      return true;
    case 'reschedule':
      if (!work.preview) return false;
      work.openReschedule();
      return true;
  }
}

/**
 * One keydown listener for the whole console. While a progressive countdown runs, any key or
 * click only stops it (the agent reached for the keyboard: they are not ready for the call).
 */
export function useShortcuts(stores: Stores): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const work = stores.work.getState();
      if (work.countdown) {
        if (['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) return;
        work.cancelCountdown();
        event.preventDefault();
        return;
      }
      const action = actionFor(event);
      if (!action) return;
      if (runShortcut(stores, action)) event.preventDefault();
    };
    const onPointer = () => {
      if (stores.work.getState().countdown) stores.work.getState().cancelCountdown();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('mousedown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('mousedown', onPointer, true);
    };
  }, [stores]);
}
