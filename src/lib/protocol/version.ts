/**
 * Version of the socket.io protocol between browser and server. Bump it when an event or its
 * payload changes incompatibly: an older tab then gets `protocol_mismatch` and is asked to reload.
 */
export const PROTOCOL_VERSION = 4;
