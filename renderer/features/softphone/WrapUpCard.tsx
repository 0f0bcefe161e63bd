import { useTranslation } from 'react-i18next';
import { durationSec } from '../../softphone/lines';
import { DISPOSITIONS, type WrapUp } from '../../stores/softphone';
import { useSoftphone, useStores } from '../../stores/context';
import { Button } from '../../ui/Button';
import { useNow } from '../common/useNow';
import { formatClock } from './clock';
import styles from './softphone.module.css';

/** After-call work: outcome and notes, saved durably by the host before it says "saved". */
export function WrapUpCard({ wrap }: { wrap: WrapUp }) {
  const { t } = useTranslation();
  const { softphone } = useStores();
  const limit = useSoftphone((s) => s.policy.wrapUpLimitSec);
  const now = useNow(1000);
  const { line } = wrap;
  const who = line.remoteName ?? line.remote;
  const remaining = Math.max(0, Math.ceil(limit - (now - (line.endedAt ?? now)) / 1000));
  const editable = wrap.status === 'editing' || wrap.status === 'error';
  return (
    <section className={styles.wrapUp} data-testid="wrap-up" data-line-id={line.id} data-status={wrap.status}>
      <header className={styles.lineHeader}>
        <strong>{t('wrapup.title')}</strong>
        {editable && (
          <span className={styles.timer} data-testid="wrap-up-timer">
            {t('wrapup.remaining', { s: remaining })}
          </span>
        )}
      </header>
      <div className={styles.lineNumber}>
        {line.answeredAt === null ? t('wrapup.missed', { who }) : t('wrapup.callWith', { who, duration: formatClock(durationSec(line, now) * 1000) })}
      </div>
      <label>
        <span>{t('wrapup.disposition')}</span>
        <select
          data-testid="wrap-up-disposition"
          value={wrap.disposition}
          disabled={!editable}
          onChange={(e) => softphone.getState().editWrapUp(line.id, { disposition: e.target.value })}
        >
          <option value="">{t('wrapup.choose')}</option>
          {DISPOSITIONS.map((d) => (
            <option key={d} value={d}>
              {t(`wrapup.dispositions.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('wrapup.notes')}</span>
        <textarea data-testid="wrap-up-notes" rows={3} value={wrap.notes} disabled={!editable} onChange={(e) => softphone.getState().editWrapUp(line.id, { notes: e.target.value })} />
      </label>
      {wrap.problem && <p className={styles.error}>{wrap.problem.message}</p>}
      {wrap.status === 'saved' ? (
        <span className={styles.saved} data-testid="wrap-up-saved">
          {t('wrapup.saved')}
        </span>
      ) : (
        <Button variant="primary" data-testid="wrap-up-save" disabled={wrap.status === 'saving'} onClick={() => void softphone.getState().saveWrapUp(line.id)}>
          {wrap.status === 'saving' ? t('wrapup.saving') : t('wrapup.save')}
        </Button>
      )}
    </section>
  );
}
