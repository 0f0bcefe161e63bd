import { useTranslation } from 'react-i18next';
import { useStores, useWork } from '../../stores/context';
import { Button } from '../../ui/Button';
import { Kbd } from '../../ui/Kbd';
import { SHORTCUTS } from './useShortcuts';
import styles from './followup.module.css';

/** The visible way in: a button that opens the list (the `?` key does the same). */
export function ShortcutHelpButton() {
  const { t } = useTranslation();
  const { work } = useStores();
  return (
    <Button variant="ghost" data-testid="shortcuts-open" aria-keyshortcuts="?" title="?" onClick={() => work.getState().setHelp(true)}>
      {t('work.shortcuts.open')} <kbd>?</kbd>
    </Button>
  );
}

export function ShortcutHelp() {
  const { t } = useTranslation();
  const { work } = useStores();
  const open = useWork((s) => s.helpOpen);
  if (!open) return null;
  return (
    <div className={styles.overlay} onClick={() => work.getState().setHelp(false)}>
      <div className={styles.help} role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts-help" onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title">{t('work.shortcuts.title')}</h2>
        <dl>
          {SHORTCUTS.map((s) => (
            <div key={s.action} className={styles.helpRow} data-testid={`shortcut-${s.action}`}>
              <dt>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' + '}
                    <Kbd>{k}</Kbd>
                  </span>
                ))}
              </dt>
              <dd>{t(`work.shortcuts.keys.${s.action}`)}</dd>
            </div>
          ))}
        </dl>
        <p className={styles.muted}>{t('work.shortcuts.hint')}</p>
        <Button autoFocus data-testid="shortcuts-close" onClick={() => work.getState().setHelp(false)}>
          {t('work.shortcuts.close')}
        </Button>
      </div>
    </div>
  );
}
