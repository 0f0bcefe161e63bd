import { useMemo } from 'react';
import { formatPhone } from '../../../shared/phone/normalize';
import { useHost } from '../../stores/context';

/** Until the host says otherwise, numbers are read as Chinese: Huifang's home market. */
const FALLBACK_REGION = 'CN';
/** libphonenumber's "unknown region": formatting against it always yields the international form. */
const NO_REGION = 'ZZ';

export interface PhoneFormat {
  region: string;
  /** How agents read numbers day to day: national inside the home region, international outside. */
  display(e164: string): string;
  /** Unambiguous form (+86 138 0013 8000) for "how we read your query" and "no customer with …". */
  international(e164: string): string;
}

export function usePhoneFormat(): PhoneFormat {
  const region = useHost((s) => s.info?.defaultRegion ?? FALLBACK_REGION);
  return useMemo(
    () => ({ region, display: (e164) => formatPhone(e164, region), international: (e164) => formatPhone(e164, NO_REGION) }),
    [region],
  );
}
