/**
 * The static test users of the Kamailio rig (see kamailio.cfg, event_route[htable:mod-init]).
 * Agents 1001–1010, customers 2001–2020; the password of user N is `passN`.
 */
export const SIP_DOMAIN = 'huifang.test';

export const AGENTS = Array.from({ length: 10 }, (_, i) => String(1001 + i));
export const CUSTOMERS = Array.from({ length: 20 }, (_, i) => String(2001 + i));

export function passwordOf(user: string): string {
  if (!AGENTS.includes(user) && !CUSTOMERS.includes(user)) {
    throw new Error(`user: ${user} is not a rig user (agents 1001–1010, customers 2001–2020)`);
  }
  return `pass${user}`;
}

export function aorOf(user: string): string {
  return `sip:${user}@${SIP_DOMAIN}`;
}
