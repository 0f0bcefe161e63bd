import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listAudioDevices, type AudioDevices } from '../../softphone/media';
import type { DeviceChoice } from '../../stores/softphone';
import { useSoftphone, useStores } from '../../stores/context';
import styles from './softphone.module.css';

/** Microphone, call audio and ringer: applied at once, mid-call included, and remembered. */
export function DeviceSettings() {
  const { t } = useTranslation();
  const { softphone } = useStores();
  const devices = useSoftphone((s) => s.devices);
  const [available, setAvailable] = useState<AudioDevices>({ inputs: [], outputs: [] });
  useEffect(() => {
    let live = true;
    const load = () => void listAudioDevices().then((d) => live && setAvailable(d), () => undefined);
    load();
    navigator.mediaDevices?.addEventListener?.('devicechange', load);
    return () => {
      live = false;
      navigator.mediaDevices?.removeEventListener?.('devicechange', load);
    };
  }, []);
  const select = (kind: keyof DeviceChoice, options: MediaDeviceInfo[]) => (
    <label key={kind}>
      <span>{t(`softphone.devices.${kind}`)}</span>
      <select data-testid={`device-${kind}`} value={devices[kind] ?? ''} onChange={(e) => void softphone.getState().setDevice(kind, e.target.value)}>
        <option value="">{t('softphone.devices.default')}</option>
        {options.map((d, i) => (
          <option key={d.deviceId || i} value={d.deviceId}>
            {d.label || `${t(`softphone.devices.${kind}`)} ${i + 1}`}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className={styles.settings} data-testid="device-settings">
      <strong>{t('softphone.devices.title')}</strong>
      {select('input', available.inputs)}
      {select('output', available.outputs)}
      {select('ringer', available.outputs)}
    </div>
  );
}
