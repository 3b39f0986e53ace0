import { m } from '../paraglide/messages';
import type { ProtocolError } from '../protocol/socket-events';
import { refusalWords } from './refusal-words';

/** What a join answers itself when the server cannot be reached: the tab keeps trying. */
export const UNREACHABLE: ProtocolError = {
	code: 'internal',
	message: 'The server cannot be reached right now. Your notes are kept; we keep trying.'
};

/** A refusal in this person's words; the server's own English is for stock clients and logs. */
export const wordsFor = (error: ProtocolError) =>
	error === UNREACHABLE ? m.room_unreachable() : refusalWords(error);
