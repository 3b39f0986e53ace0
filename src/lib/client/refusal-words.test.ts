import { describe, expect, test } from 'vitest';
import { locales } from '../paraglide/runtime';
import { errorCodeSchema, refusalReasonSchema } from '../protocol/socket-events';
import { refusalWords } from './refusal-words';

const codes = errorCodeSchema.options;
const reasons = refusalReasonSchema.options;
const full = { asked: 4, count: 3, role: 'speaker' };

describe('refusal words', () => {
	test.each(locales)('every code has its own words in %s, parameters filled in', (locale) => {
		const words = codes.map((code) =>
			refusalWords({ code, message: '', params: full }, { locale })
		);
		expect(words.filter((said) => said.trim() === '' || /[{}]|undefined/.test(said))).toEqual([]);
		expect(new Set(words).size).toBe(codes.length);
	});

	test.each(locales)('every reason has its own words in %s', (locale) => {
		const words = reasons.map((reason) =>
			refusalWords(
				{ code: 'invalid_command', message: '', params: { ...full, reason } },
				{ locale }
			)
		);
		expect(words.filter((said) => said.trim() === '' || /[{}]|undefined/.test(said))).toEqual([]);
		expect(new Set(words).size).toBe(reasons.length);
	});

	test('[S26] German and Spanish are worded from the code and reason, not from the English message', () => {
		const error = {
			code: 'not_allowed',
			message: 'Only the host can do that.',
			params: { reason: 'host_only' }
		};
		expect(refusalWords(error, { locale: 'en' })).toBe('Only the host can do that.');
		expect(refusalWords(error, { locale: 'de' })).toBe('Das kann nur die Moderation.');
		expect(refusalWords(error, { locale: 'es' })).toBe('Solo el anfitrión puede hacer eso.');
	});

	test('numbers from the parameters go into the words', () => {
		const error = {
			code: 'invalid_command',
			message: '',
			params: { reason: 'no_such_step', asked: 4, count: 3 }
		};
		expect(refusalWords(error, { locale: 'de' })).toBe(
			'Schritt 4 gibt es nicht: Diese Sitzung hat 3.'
		);
		expect(
			refusalWords({ code: 'room_full', message: '', params: { count: 12 } }, { locale: 'es' })
		).toContain('caben 12 personas');
	});

	test('a reason without the numbers it needs falls back to its code’s words', () => {
		const error = { code: 'invalid_command', message: '', params: { reason: 'no_such_step' } };
		expect(refusalWords(error, { locale: 'en' })).toBe('That cannot be done right now.');
	});

	test('an unknown reason or malformed parameters are worded by the code', () => {
		const unknownReason = {
			code: 'not_allowed',
			message: '',
			params: { reason: 'from_the_future' }
		};
		expect(refusalWords(unknownReason, { locale: 'en' })).toBe('You are not allowed to do that.');
		expect(
			refusalWords({ code: 'room_locked', message: '', params: 'x' }, { locale: 'en' })
		).toMatch(/locked/);
	});

	test.each(locales)('an unknown code, or no error at all, gets general words in %s', (locale) => {
		const general = refusalWords({ code: 'from_the_future', message: 'English' }, { locale });
		expect(general).not.toBe('English');
		expect(general.length).toBeGreaterThan(0);
		expect(refusalWords(undefined, { locale })).toBe(general);
		expect(refusalWords('internal', { locale })).toBe(general);
	});
});
