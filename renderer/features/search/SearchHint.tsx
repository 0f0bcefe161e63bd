import { useTranslation } from 'react-i18next';
import { StateCard } from '../../ui/StateCard';
import styles from './search.module.css';

/** Formats the box understands; shown as-is because numbers read the same in every language. */
const EXAMPLES = ['138 0013 8000', '+86-138-0013-8000', '13800138000'];

export function SearchHint() {
  const { t } = useTranslation();
  return (
    <StateCard icon="search" title={t('search.hintTitle')} testId="search-hint">
      <p className={styles.hintBody}>{t('search.hintBody')}</p>
      <div className={styles.examples}>
        <span>{t('search.hintExamples')}</span>
        {EXAMPLES.map((example) => (
          <code key={example}>{example}</code>
        ))}
      </div>
      <p className={styles.shortcut}>{t('search.hintShortcut')}</p>
    </StateCard>
  );
}
