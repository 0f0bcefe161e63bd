import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Line } from '../../softphone/lines';
import { useSoftphone, useStores } from '../../stores/context';
import { Button } from '../../ui/Button';
import { useNow } from '../common/useNow';
import { formatClock } from './clock';
import styles from './softphone.module.css';

/** One call: who, state, timer, quality, and the controls that apply in that state. */
export function LineCard({ line }: { line: Line }) {
  const { t } = useTranslation();
  const { softphone } = useStores();
  const phone = softphone.getState();
  const otherActive = useSoftphone((s) => s.lines.some((l) => l.id !== line.id && l.state === 'active'));
  const now = useNow(1000);
  const [target, setTarget] = useState('');
  const who = line.remoteName ?? (line.remote || t('softphone.line.anonymous'));
  const timer = line.answeredAt !== null ? formatClock(now - line.answeredAt) : line.ringAt !== null ? formatClock(now - line.ringAt) : '';
  const up = line.state === 'active' || line.state === 'held';
  return (
    <article className={styles.line} data-testid="line" data-line-id={line.id} data-state={line.state} data-direction={line.direction}>
      <header className={styles.lineHeader}>
        <div>
          <div className={styles.lineWho}>{who}</div>
          {line.remoteName && <div className={styles.lineNumber}>{line.remote}</div>}
        </div>
        <div className={styles.lineMeta}>
          <span className={styles.lineState}>{t(`softphone.line.${line.state}`)}</span>
          <span className={styles.timer} data-testid="line-timer">
            {timer}
          </span>
        </div>
      </header>
      {line.quality && (
        <div
          className={styles.quality}
          data-testid="line-quality"
          data-mos={line.quality.mos}
          data-bytes-received={line.quality.bytesReceived}
          data-bytes-sent={line.quality.bytesSent}
          data-band={line.quality.mos >= 4 ? 'good' : line.quality.mos >= 3.6 ? 'fair' : 'poor'}
        >
          {t('softphone.line.quality', { mos: line.quality.mos.toFixed(1) })} · {Math.round(line.quality.jitterMs)} ms · {line.quality.lossPct.toFixed(1)}% · RTT {Math.round(line.quality.rttMs)} ms
        </div>
      )}
      <div className={styles.lineActions}>
        {line.state === 'ringing' && (
          <>
            <Button variant="primary" icon="phone" data-testid="line-answer" onClick={() => void phone.answer(line.id)}>
              {t('softphone.line.answer')}
            </Button>
            <Button data-testid="line-reject" onClick={() => void phone.reject(line.id)}>
              {t('softphone.line.reject')}
            </Button>
          </>
        )}
        {line.state === 'active' && (
          <Button data-testid="line-hold" onClick={() => void phone.hold(line.id, true)}>
            {t('softphone.line.hold')}
          </Button>
        )}
        {line.state === 'held' && (
          <Button data-testid="line-resume" onClick={() => void phone.hold(line.id, false)}>
            {t('softphone.line.resume')}
          </Button>
        )}
        {up && (
          <Button data-testid="line-mute" aria-pressed={line.muted} onClick={() => phone.mute(line.id, !line.muted)}>
            {line.muted ? t('softphone.line.unmute') : t('softphone.line.mute')}
          </Button>
        )}
        {line.state !== 'ringing' && (
          <Button className={styles.hangup} data-testid="line-hangup" onClick={() => void phone.hangup(line.id)}>
            {t('softphone.line.hangup')}
          </Button>
        )}
      </div>
      {up && (
        <div className={styles.transfer}>
          <input
            data-testid="line-transfer-input"
            aria-label={t('softphone.line.transferTo')}
            placeholder={t('softphone.line.transferTo')}
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          />
          <Button data-testid="line-blind-transfer" disabled={!target.trim()} onClick={() => void phone.blindTransfer(line.id, target)}>
            {t('softphone.line.blind')}
          </Button>
          {line.state === 'held' && otherActive && (
            <Button data-testid="line-attended-transfer" onClick={() => void phone.attendedTransfer(line.id)}>
              {t('softphone.line.attended')}
            </Button>
          )}
        </div>
      )}
    </article>
  );
}
