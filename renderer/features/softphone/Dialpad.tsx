import styles from './softphone.module.css';

/** Digits with their ITU letters, as on a desk phone. */
const KEYS: ReadonlyArray<readonly [string, string]> = [
  ['1', ''],
  ['2', 'ABC'],
  ['3', 'DEF'],
  ['4', 'GHI'],
  ['5', 'JKL'],
  ['6', 'MNO'],
  ['7', 'PQRS'],
  ['8', 'TUV'],
  ['9', 'WXYZ'],
  ['*', ''],
  ['0', '+'],
  ['#', ''],
];

/** Types into the number field when idle; sends DTMF on the active call when one is up. */
export function Dialpad({ onKey, disabled = false }: { onKey: (digit: string) => void; disabled?: boolean }) {
  return (
    <div className={styles.dialpad} data-testid="dialpad">
      {KEYS.map(([digit, letters]) => (
        <button key={digit} type="button" disabled={disabled} className={styles.key} aria-label={digit} data-testid={`dialpad-key-${digit}`} onClick={() => onKey(digit)}>
          <span className={styles.digit}>{digit}</span>
          <span className={styles.letters}>{letters}</span>
        </button>
      ))}
    </div>
  );
}
