import { describe, expect, test } from 'vitest';
import { docAdmission, docCredentials, type AccessState } from './doc-access';

/**
 * A room whose projector token is `projector-token` (`old-token` until a removal replaced it) and
 * whose tickets are `ticket-<id>`.
 */
function room(control: Partial<AccessState['control']> = {}): AccessState {
	return {
		control: { roomLocked: false, lockedWith: [], people: {}, removed: [], ...control },
		checkProjectorToken: (token) =>
			token === 'projector-token' ? 'current' : token === 'old-token' ? 'replaced' : 'wrong',
		isDocTicket: (participantId, ticket) => ticket === `ticket-${participantId}`
	};
}

const params = (query: string) => docCredentials(new URLSearchParams(query));

describe('docCredentials', () => {
	test('reads a projector token, a participant’s ticket, or nothing', () => {
		expect(params('projector=abc')).toEqual({ kind: 'projector', token: 'abc' });
		expect(params('participant=ana&ticket=t')).toEqual({
			kind: 'participant',
			participantId: 'ana',
			ticket: 't'
		});
		expect(params('')).toEqual({ kind: 'link' });
		expect(params('participant=ana')).toEqual({ kind: 'link' });
	});
});

describe('docAdmission', () => {
	test('[Y8] a projector is admitted read only with the room’s current token, whatever the lock', () => {
		const projector = params('projector=projector-token');
		expect(docAdmission(projector, room({ roomLocked: true }))).toEqual({
			admitted: true,
			readOnly: true
		});
		expect(docAdmission(params('projector=old-token'), room())).toEqual({
			admitted: false,
			refusal: 'projector-replaced'
		});
	});

	test('[Y8] a token the room never had is not valid, told apart from one a removal replaced', () => {
		expect(docAdmission(params(`projector=${'A'.repeat(43)}`), room())).toEqual({
			admitted: false,
			refusal: 'projector-not-valid'
		});
	});

	test('[Y9] a participant with their ticket is admitted in a locked room, unless removed', () => {
		const ana = params('participant=ana&ticket=ticket-ana');
		expect(docAdmission(ana, room({ roomLocked: true, lockedWith: ['ana'] }))).toEqual({
			admitted: true,
			readOnly: false,
			participantId: 'ana'
		});
		expect(docAdmission(ana, room({ removed: ['ana'] }))).toEqual({
			admitted: false,
			refusal: 'removed'
		});
	});

	test('[Y9] in a locked room, a ticket admits only someone who was here when it was locked', () => {
		const locked = room({ roomLocked: true, lockedWith: ['ana'] });
		expect(docAdmission(params('participant=ana&ticket=ticket-ana'), locked)).toMatchObject({
			admitted: true
		});
		expect(docAdmission(params('participant=ben&ticket=ticket-ben'), locked)).toEqual({
			admitted: false,
			refusal: 'locked'
		});
	});

	test('[Y9] anyone with the link (no ticket, or a ticket that is not the room’s) only while unlocked', () => {
		for (const credentials of [params(''), params('participant=ana&ticket=forged')]) {
			expect(docAdmission(credentials, room())).toEqual({ admitted: true, readOnly: false });
			expect(docAdmission(credentials, room({ roomLocked: true }))).toEqual({
				admitted: false,
				refusal: 'locked'
			});
		}
	});
});
