import { describe, expect, test } from 'vitest';
import { everyoneAgreed } from './space-erase';

const ana = { member: 'ana', pairingMember: 'ana-card' };
const ben = { member: 'ben', pairingMember: 'ben-card' };
const none = { shareMembers: [], circleOwners: [], cardMembers: [] };

describe('[T6] everyoneAgreed', () => {
	test('a space with nothing of anyone in it is erased on the first agreement', () => {
		expect(everyoneAgreed(none, [ana])).toBe(true);
	});

	test('every member with a share must agree', () => {
		const contributors = { ...none, shareMembers: ['ana', 'ben'] };
		expect(everyoneAgreed(contributors, [ana])).toBe(false);
		expect(everyoneAgreed(contributors, [ana, ben])).toBe(true);
	});

	test('the owner of a circle item must agree, however small the item', () => {
		const contributors = { ...none, shareMembers: ['ana'], circleOwners: ['ben'] };
		expect(everyoneAgreed(contributors, [ana])).toBe(false);
		expect(everyoneAgreed(contributors, [ana, ben])).toBe(true);
	});

	test('a pairing card is matched by its own hash, not the share hash', () => {
		const contributors = { ...none, cardMembers: ['ben-card'] };
		expect(everyoneAgreed(contributors, [ana])).toBe(false);
		expect(everyoneAgreed(contributors, [{ member: 'ben-card', pairingMember: 'x' }])).toBe(false);
		expect(everyoneAgreed(contributors, [ben])).toBe(true);
	});
});
