import { useTranslation } from 'react-i18next';
import type { FilledScriptView } from '../../../shared/api/followup';
import styles from './followup.module.css';

/**
 * The script as the agent reads it: values filled from the record are highlighted (so the agent
 * knows they came from data, and can check them), gaps are marked with the placeholder they miss.
 */
export function ScriptView({ script }: { script: FilledScriptView | null }) {
  const { t } = useTranslation();
  if (!script) return <p className={styles.muted}>{t('work.preview.noScript')}</p>;
  const gaps = new Set([...script.missing, ...script.unknown]).size;
  return (
    <div data-testid="preview-script" data-script-id={script.scriptId}>
      <div className={styles.scriptTitle}>
        {script.title}
        {gaps > 0 && (
          <span className={styles.gapCount} data-testid="script-gap-count">
            {t('work.preview.gaps', { count: gaps })}
          </span>
        )}
      </div>
      <p className={styles.script}>
        {script.segments.map((segment, i) => {
          if ('text' in segment) return <span key={i}>{segment.text}</span>;
          if (segment.filled)
            return (
              <mark key={i} className={styles.filled} data-testid="script-filled" data-placeholder={segment.placeholder} title={segment.placeholder}>
                {segment.value}
              </mark>
            );
          return (
            <span key={i} className={styles.gap} data-testid="script-gap" data-placeholder={segment.placeholder} title={t('work.preview.gap', { name: segment.placeholder })}>
              {segment.value}
              <small className={styles.gapTag}>{t('work.preview.gap', { name: segment.placeholder })}</small>
            </span>
          );
        })}
      </p>
    </div>
  );
}
