import styles from './ui.module.css';

/** Grey placeholder lines while the first page loads: the layout does not jump when data arrives. */
export function Skeleton({ rows = 6, label }: { rows?: number; label: string }) {
  return (
    <div className={styles.skeleton} role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={styles.skeletonRow}>
          <div className={styles.skeletonDot} />
          <div className={styles.skeletonLines}>
            <div className={styles.skeletonLine} style={{ width: `${70 - ((i * 13) % 30)}%` }} />
            <div className={styles.skeletonLine} style={{ width: `${45 - ((i * 7) % 20)}%` }} />
          </div>
        </div>
      ))}
    </div>
  );
}
