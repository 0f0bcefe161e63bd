import { DEFAULT_POLICY } from '../../shared/agent/states';
import { dispatch, type Handlers, type SoftphoneSettings, type SoftphoneSettingsState } from '../../shared/api';
import type { SipPreset } from './web-args';

/**
 * Saves the softphone settings given on web.ts's command line through the same handler the
 * settings dialog uses (validated, password sealed). Fields the command line does not carry
 * (wrap-up, busy policy, call waiting) keep their stored values, or the defaults.
 * Returns the new state; never the password.
 */
export async function applySipPreset(handlers: Handlers, preset: SipPreset): Promise<SoftphoneSettingsState> {
  const current = await handlers.getSoftphoneSettings({});
  const previous = current.settings;
  const settings: SoftphoneSettings = {
    wsUrl: preset.wsUrl,
    domain: preset.domain,
    extension: preset.extension,
    authorizationUsername: preset.extension,
    displayName: preset.displayName ?? (previous?.extension === preset.extension ? previous.displayName : `Agent ${preset.extension}`),
    wrapUpLimitSec: preset.wrapUpSec ?? previous?.wrapUpLimitSec ?? DEFAULT_POLICY.wrapUpLimitSec,
    whenNotAvailable: previous?.whenNotAvailable ?? DEFAULT_POLICY.whenNotAvailable,
    callWaiting: previous?.callWaiting ?? DEFAULT_POLICY.callWaiting,
  };
  const reply = await dispatch(handlers, 'saveSoftphoneSettings', { settings, ...(preset.password !== undefined ? { password: preset.password } : {}) });
  // The error names a field, never the password's value (zod messages do not echo input).
  if (!reply.ok) throw new Error(`cannot save the softphone settings: ${reply.error.message}`);
  return reply.value as SoftphoneSettingsState;
}

/** One line for the console: where the softphone will register, and whether a password is stored. */
export function describeSipState(state: SoftphoneSettingsState): string {
  const s = state.settings;
  if (!s) return 'softphone: not configured';
  const password = state.password === 'stored' ? 'password stored (sealed)' : state.password === 'missing' ? `no password: set $HUIFANG_SIP_PASSWORD` : 'stored password unreadable: set $HUIFANG_SIP_PASSWORD';
  return `softphone: sip:${s.extension}@${s.domain} via ${s.wsUrl}, ${password}`;
}
