import { type ReactNode } from 'react';
import styles from './ui.module.css';

/** The key that works a control, shown on it: `Next <Kbd>N</Kbd>`. */
export function Kbd({ children }: { children: ReactNode }) {
  return <kbd className={styles.kbd}>{children}</kbd>;
}
