import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n/languages';
import { useSettings, useStores } from '../../stores/context';
import { Icon } from '../../ui/Icon';
import styles from './topbar.module.css';

/** A two-way segmented switch: both language names are shown in their own script. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { settings } = useStores();
  const language = useSettings((s) => s.language);
  return (
    <div className={styles.language} role="group" aria-label={t('topbar.languageLabel')} title={t('topbar.languageLabel')}>
      <Icon name="language" size={14} className={styles.languageIcon} />
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          data-testid={`language-${lng}`}
          aria-pressed={language === lng}
          className={styles.languageOption}
          onClick={() => settings.getState().setLanguage(lng)}
        >
          {t(`languageName.${lng}`)}
        </button>
      ))}
    </div>
  );
}
