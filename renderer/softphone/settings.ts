/** What the softphone needs to register. The password comes from the host (encrypted at rest there). */
export interface SipSettings {
  /** ws:// on loopback in tests, wss:// in production. */
  wsUrl: string;
  /** SIP domain of the agent's address of record, e.g. "huifang.test". */
  domain: string;
  extension: string;
  authorizationUsername: string;
  password: string;
  displayName: string;
  /** Seconds the registrar is asked to keep the binding. */
  registerExpiresSec?: number;
}

/**
 * Media config for every call. No STUN/TURN servers: sip.js's default names a public STUN server,
 * which is unreachable from a contact center's closed network and stalls ICE gathering.
 */
export const PEER_CONNECTION_CONFIG: RTCConfiguration = { iceServers: [] };
export const ICE_GATHERING_TIMEOUT_MS = 500;
