import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomer, useSoftphone, useStores, useWrapUps } from '../../stores/context';
import { Button } from '../../ui/Button';
import { StateCard } from '../../ui/StateCard';
import { Customer360View } from '../customer/Customer360View';
import { usePhoneFormat } from '../common/usePhoneFormat';
import styles from './screenpop.module.css';

/**
 * The center of the console while a call rings or is up: who is calling and everything known
 * about them, before the agent answers. One lookup (lookupCaller) fills it.
 */
export function ScreenPopView() {
  const { t } = useTranslation();
  const { softphone } = useStores();
  const format = usePhoneFormat();
  const lineId = useSoftphone((s) => s.focusLineId);
  const liveLine = useSoftphone((s) => s.lines.find((l) => l.id === lineId) ?? null);
  const endedLine = useWrapUps((s) => s.items.find((w) => w.id === lineId)?.line ?? null);
  const line = liveLine ?? endedLine;
  const pop = useSoftphone((s) => (lineId ? s.pops[lineId] : undefined));
  const chosen = useSoftphone((s) => (lineId ? s.lineCustomers[lineId] : null));
  const customerReady = useCustomer((s) => s.status === 'ready');
  const rowsShown = useCustomer((s) => s.events.length);
  const [name, setName] = useState('');

  // The screen-pop benchmark and the agent share one moment: history rows painted for this call.
  useEffect(() => {
    if (!lineId || pop?.status !== 'ready' || !customerReady) return;
    if (pop.pop.status !== 'matched' && !chosen) return;
    const frame = requestAnimationFrame(() => performance.mark(`huifang:screenpop-rendered:${lineId}`));
    return () => cancelAnimationFrame(frame);
  }, [lineId, pop, customerReady, chosen, rowsShown]);

  if (!lineId || !line) return null;
  const who = line.remoteName ?? (line.remote || t('softphone.line.anonymous'));
  const banner = line.state === 'ringing' ? t('screenpop.incoming', { who }) : t('screenpop.onCall', { who });
  const status = pop?.status === 'ready' ? pop.pop.status : pop?.status ?? 'loading';

  return (
    <div className={styles.pop} data-testid="screen-pop" data-status={status} data-line-id={lineId}>
      <div className={styles.banner} data-state={line.state}>
        {banner}
      </div>
      {(!pop || pop.status === 'loading') && <StateCard icon="search" title={t('screenpop.looking')} compact />}
      {pop?.status === 'error' && <StateCard icon="alert" tone="danger" title={t('screenpop.failed')}>{pop.problem.message}</StateCard>}
      {pop?.status === 'ready' && pop.pop.status === 'matched' && <Customer360View />}
      {pop?.status === 'ready' && pop.pop.status === 'multiple' && !chosen && (
        <StateCard icon="userMissing" title={t('screenpop.multipleTitle', { number: format.display(pop.pop.e164) })}>
          <p>{t('screenpop.multipleBody')}</p>
          <ul className={styles.candidates}>
            {pop.pop.candidates.map((c) => (
              <li key={c.id}>
                <Button data-testid="screen-pop-candidate" onClick={() => softphone.getState().chooseCustomer(lineId, c.id)}>
                  {c.name}
                  {c.city && ` · ${c.city}`}
                  {c.segment && ` · ${c.segment}`}
                </Button>
              </li>
            ))}
          </ul>
        </StateCard>
      )}
      {pop?.status === 'ready' && pop.pop.status === 'multiple' && chosen && <Customer360View />}
      {pop?.status === 'ready' && pop.pop.status === 'unknown' && (
        <StateCard icon="userMissing" title={t('screenpop.unknownTitle', { number: format.display(pop.pop.e164) })}>
          <p>{t('screenpop.unknownBody')}</p>
          <form
            className={styles.quick}
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim()) void softphone.getState().quickCreate(lineId, name.trim());
            }}
          >
            <input data-testid="quick-create-name" aria-label={t('screenpop.quickCreateName')} placeholder={t('screenpop.quickCreateName')} value={name} onChange={(e) => setName(e.target.value)} />
            <Button variant="primary" type="submit" data-testid="quick-create-save" disabled={!name.trim()}>
              {t('screenpop.quickCreate')}
            </Button>
          </form>
        </StateCard>
      )}
      {pop?.status === 'ready' && pop.pop.status === 'anonymous' && (
        <StateCard icon="userMissing" tone="warn" title={t('screenpop.anonymousTitle')}>
          {t('screenpop.anonymousBody')}
        </StateCard>
      )}
      {pop?.status === 'ready' && pop.pop.status === 'invalid' && (
        <StateCard icon="alert" tone="warn" title={t('screenpop.invalidTitle')}>
          {t('screenpop.invalidBody', { raw: pop.pop.raw })}
        </StateCard>
      )}
    </div>
  );
}
