import { type ReactNode } from 'react';
import styles from './ui.module.css';

/** A titled surface of the console (softphone, customer, queue): header row, then a body that scrolls. */
export function Panel(props: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; label?: string; testId?: string }) {
  const { title, actions, children, className, label, testId } = props;
  return (
    <section className={`${styles.panel} ${className ?? ''}`} aria-label={label} data-testid={testId}>
      {(title || actions) && (
        <header className={styles.panelHeader}>
          <h2 className={styles.panelTitle}>{title}</h2>
          {actions && <div className={styles.panelActions}>{actions}</div>}
        </header>
      )}
      <div className={styles.panelBody}>{children}</div>
    </section>
  );
}
