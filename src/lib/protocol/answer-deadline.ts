/**
 * The server answers every room event (socket.io) within this long, however long its HTTP
 * deadline (`API_TIMEOUT_MS`) is (protocol S24): longer than a decision may wait for its room's
 * hold (5 s, `HOLD_MS`), so that a decision whose hold ran out is answered `busy`, and shorter
 * than the browser waits ({@link SOCKET_ANSWER_WAIT_MS}). So a storage that does not answer
 * reaches the person as `unavailable`, which the browser retries, never as a lost answer, which
 * it cannot.
 */
export const SOCKET_ANSWER_WITHIN_MS = 8_000;

/** How long the browser waits for the answer to a room event before telling the person. */
export const SOCKET_ANSWER_WAIT_MS = SOCKET_ANSWER_WITHIN_MS + 1_000;
