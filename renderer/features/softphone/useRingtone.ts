import { useEffect, useRef } from 'react';
import { Ringer } from '../../softphone/ringtone';
import { useSoftphone } from '../../stores/context';

/** Rings on the ringer device while a call rings and the agent is not already talking. */
export function useRingtone(): void {
  const ringing = useSoftphone((s) => s.lines.some((l) => l.state === 'ringing') && !s.lines.some((l) => l.state === 'active'));
  const device = useSoftphone((s) => s.devices.ringer);
  const ringer = useRef<Ringer | null>(null);
  useEffect(() => {
    ringer.current ??= new Ringer();
    if (device) void ringer.current.setDevice(device);
  }, [device]);
  useEffect(() => {
    if (!ringer.current) return;
    if (ringing) ringer.current.start();
    else ringer.current.stop();
  }, [ringing]);
  useEffect(() => () => ringer.current?.stop(), []);
}
