import type { AppInfo } from '../../../shared/api';
import type { CustomerReader } from '../db';

export interface AppInfoDeps {
  customers: CustomerReader;
  version: string;
  mode: 'desktop' | 'web';
  defaultRegion: string;
}

export function appInfo(deps: AppInfoDeps): AppInfo {
  return { version: deps.version, mode: deps.mode, defaultRegion: deps.defaultRegion, customers: deps.customers.count() };
}
