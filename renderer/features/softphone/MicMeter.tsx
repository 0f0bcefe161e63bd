import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { micLevelMeter } from '../../softphone/media';
import { useSoftphone } from '../../stores/context';
import styles from './softphone.module.css';

/** A live microphone level while a call is up: the agent sees at once that the headset is dead or muted. */
export function MicMeter() {
  const { t } = useTranslation();
  const input = useSoftphone((s) => s.devices.input);
  const bar = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let stopped = false;
    let frame = 0;
    let meter: ReturnType<typeof micLevelMeter> | null = null;
    let stream: MediaStream | null = null;
    const constraints = { audio: input ? { deviceId: { exact: input } } : true, video: false };
    void navigator.mediaDevices
      ?.getUserMedia(constraints)
      .then((s) => {
        stream = s;
        if (stopped) return s.getTracks().forEach((track) => track.stop());
        meter = micLevelMeter(s);
        const tick = () => {
          if (bar.current && meter) bar.current.style.width = `${Math.round(meter.read() * 100)}%`;
          frame = requestAnimationFrame(tick);
        };
        tick();
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      meter?.stop();
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [input]);
  return (
    <div className={styles.meter} title={t('softphone.devices.level')} data-testid="mic-meter">
      <span ref={bar} className={styles.meterBar} />
    </div>
  );
}
