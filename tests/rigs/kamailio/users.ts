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

/**
 * The public number of customer phone `user` (2001–2020): Kamailio's route[PSTN] delivers
 * +86 170 0000 20NN to phone 20NN, the way a gateway would. What a console dials after its
 * compliance gate (always E.164) reaches the phone this way.
 */
export function customerNumber(user: string): string {
  if (!CUSTOMERS.includes(user)) throw new Error(`user: ${user} is not a rig customer (2001–2020)`);
  return `+861700000${user}`;
}
