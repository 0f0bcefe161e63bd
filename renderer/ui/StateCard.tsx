import { type ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import styles from './ui.module.css';

type Tone = 'neutral' | 'warn' | 'danger';

/** The deliberate "nothing here / something went wrong" block: icon, title, explanation, action. */
export function StateCard(props: {
  icon: IconName;
  title: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  tone?: Tone;
  compact?: boolean;
  testId?: string;
}) {
  const { icon, title, children, action, tone = 'neutral', compact = false, testId } = props;
  return (
    <div className={`${styles.state} ${compact ? styles.compact : ''}`} data-tone={tone} data-testid={testId} role={tone === 'danger' ? 'alert' : 'status'}>
      <div className={styles.stateIcon}>
        <Icon name={icon} size={compact ? 18 : 22} />
      </div>
      <div className={styles.stateTitle}>{title}</div>
      {children && <div className={styles.stateBody}>{children}</div>}
      {action && <div className={styles.stateAction}>{action}</div>}
    </div>
  );
}
