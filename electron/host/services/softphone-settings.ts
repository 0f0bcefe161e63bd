import { ApiFailure, SoftphoneSettings, type SoftphoneSettingsState } from '../../../shared/api';
import type { MetaStore, SecretStore } from '../db';
import type { SecretBox } from '../secrets/secret-box';

const SETTINGS_KEY = 'softphone.settings';
const PASSWORD_KEY = 'sip.password';

export interface SoftphoneSettingsDeps {
  meta: MetaStore;
  secrets: SecretStore;
  box: SecretBox;
  now: () => number;
}

/** The softphone's registration settings; the password sealed by the secret box, never logged. */
export function softphoneSettingsService(deps: SoftphoneSettingsDeps) {
  const passwordState = (): SoftphoneSettingsState['password'] => {
    const sealed = deps.secrets.get(PASSWORD_KEY);
    if (!sealed) return 'missing';
    if (sealed.scheme !== deps.box.scheme) return 'unreadable';
    try {
      deps.box.open(sealed.ciphertext);
      return 'stored';
    } catch {
      return 'unreadable';
    }
  };

  const readSettings = (): SoftphoneSettings | null => {
    const raw = deps.meta.get(SETTINGS_KEY);
    if (raw === null) return null;
    // Settings written by an older or damaged build are treated as absent: the agent re-enters them.
    const parsed = SoftphoneSettings.safeParse(safeJson(raw));
    return parsed.success ? parsed.data : null;
  };

  const state = (): SoftphoneSettingsState => ({ settings: readSettings(), password: passwordState() });

  return {
    get: state,
    /** The configured extension (the agent's id while not signed in) and display name (scripts say it), or nulls. */
    identity(): { extension: string | null; displayName: string | null } {
      const settings = readSettings();
      return { extension: settings?.extension ?? null, displayName: settings?.displayName.trim() || null };
    },
    save(settings: SoftphoneSettings, password: string | undefined): SoftphoneSettingsState {
      deps.meta.set(SETTINGS_KEY, JSON.stringify(settings));
      if (password !== undefined) deps.secrets.put(PASSWORD_KEY, { scheme: deps.box.scheme, ciphertext: deps.box.seal(password) }, deps.now());
      return state();
    },
    credentials(): { password: string } {
      const sealed = deps.secrets.get(PASSWORD_KEY);
      if (!sealed) throw new ApiFailure('not_found', 'no SIP password is stored: enter it in the softphone settings');
      try {
        return { password: deps.box.open(sealed.ciphertext) };
      } catch {
        throw new ApiFailure('not_found', 'the stored SIP password cannot be read on this machine: enter it again');
      }
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
