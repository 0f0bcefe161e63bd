import { type ReactNode } from 'react';
import styles from './ui.module.css';

export type BadgeTone = 'neutral' | 'accent' | 'ok' | 'warn' | 'danger' | 'outline';

export function Badge({ tone = 'neutral', children, title }: { tone?: BadgeTone; children: ReactNode; title?: string }) {
  return (
    <span className={styles.badge} data-tone={tone} title={title}>
      {children}
    </span>
  );
}
