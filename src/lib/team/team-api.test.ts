import { expect, test } from 'vitest';
import { inLocale } from '../../../tests/support/in-locale';
import { problemText } from './team-api';

test('says what went wrong by the answer’s status, in the reader’s language', () => {
	expect(problemText(0)).toBe(
		'The server could not be reached. Check your connection and try again.'
	);
	expect(inLocale('de', () => problemText(429))).toBe(
		'Zu viele Anfragen. Warte eine Minute und versuch es dann noch einmal.'
	);
	expect(inLocale('es', () => problemText(409))).toBe(
		'El espacio ha cambiado entretanto o está lleno. Recarga la página y vuelve a intentarlo.'
	);
});

test('an answer it has no words for gets the general apology', () => {
	expect([500, 503, 200].map(problemText)).toEqual(
		Array(3).fill('Something went wrong. Please try again.')
	);
});
