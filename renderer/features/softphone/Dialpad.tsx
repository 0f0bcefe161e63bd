import styles from './softphone.module.css';

/** Digits with their ITU letters, as on a desk phone; disabled until the softphone can dial. */
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

export function Dialpad() {
  return (
    <div className={styles.dialpad} data-testid="dialpad">
      {KEYS.map(([digit, letters]) => (
        <button key={digit} type="button" disabled className={styles.key} aria-label={digit}>
          <span className={styles.digit}>{digit}</span>
          <span className={styles.letters}>{letters}</span>
        </button>
      ))}
    </div>
  );
}
