import { assertNever } from '../../src/lib/assert-never';
import type { ControlState } from '../../src/lib/protocol/control';
import { mayEnter } from '../../src/lib/room/admission';
import type { ProjectorTokenCheck } from './sealed-values';

/** What a document connection presented when it opened (protocol Y8, Y9). */
export type DocCredentials =
	| { kind: 'projector'; token: string }
	| { kind: 'participant'; participantId: string; ticket: string }
	/** The stock provider as it comes, or a ticket that was never this room's: anyone with the link. */
	| { kind: 'link' };

/**
 * Why a document connection is refused, or ended by the server (protocol Y8–Y11): a projector
 * token the room never had, or one a removal replaced (S20), are told apart.
 */
export type DocRefusal = 'projector-not-valid' | 'projector-replaced' | 'removed' | 'locked';

export type DocAdmission =
	| {
			admitted: true;
			/** A projector only watches: the server takes nothing from its connection. */
			readOnly: boolean;
			/** The participant the connection belongs to, when it carries their ticket. */
			participantId?: string;
	  }
	| { admitted: false; refusal: DocRefusal };

/** What a room knows now that decides who it admits. */
export interface AccessState {
	control: Pick<ControlState, 'roomLocked' | 'lockedWith' | 'people' | 'removed'>;
	checkProjectorToken(token: string): ProjectorTokenCheck;
	isDocTicket(participantId: string, ticket: string): boolean;
}

/** The credentials in a document connection's query string. */
export function docCredentials(params: URLSearchParams): DocCredentials {
	const token = params.get('projector');
	if (token !== null) return { kind: 'projector', token };
	const participantId = params.get('participant');
	const ticket = params.get('ticket');
	return participantId !== null && ticket !== null
		? { kind: 'participant', participantId, ticket }
		: { kind: 'link' };
}

/** Anyone with the link: admitted while the room is unlocked. */
const linkAdmission = (state: AccessState): DocAdmission =>
	state.control.roomLocked
		? { admitted: false, refusal: 'locked' }
		: { admitted: true, readOnly: false };

function projectorAdmission(check: ProjectorTokenCheck): DocAdmission {
	switch (check) {
		case 'current':
			return { admitted: true, readOnly: true };
		case 'replaced':
			return { admitted: false, refusal: 'projector-replaced' };
		case 'wrong':
			return { admitted: false, refusal: 'projector-not-valid' };
		default:
			return assertNever(check);
	}
}

/**
 * Whether a connection with `credentials` is admitted to a room in `state`. Asked when it opens,
 * and again whenever the room's access changes (a removal, a lock, a new projector token), so
 * that every open connection is one that would be admitted now.
 */
export function docAdmission(credentials: DocCredentials, state: AccessState): DocAdmission {
	switch (credentials.kind) {
		case 'projector':
			return projectorAdmission(state.checkProjectorToken(credentials.token));
		case 'participant': {
			const { participantId, ticket } = credentials;
			if (state.isDocTicket(participantId, ticket)) {
				if (state.control.removed.includes(participantId)) {
					return { admitted: false, refusal: 'removed' };
				}
				// A ticket from a join before the lock, by someone who had left when it was locked
				// (perhaps a removed person under a new identity), lets nobody into the locked room.
				return mayEnter(state.control, participantId)
					? { admitted: true, readOnly: false, participantId }
					: { admitted: false, refusal: 'locked' };
			}
			// A ticket that is not this room's proves nothing: the connection is anyone's.
			return linkAdmission(state);
		}
		case 'link':
			return linkAdmission(state);
		default:
			return assertNever(credentials);
	}
}
