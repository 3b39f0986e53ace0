import { describe, expect, test } from 'vitest';
import { apiProblemWords } from './api-problem-words';

describe('apiProblemWords', () => {
	test('a code is worded in the language asked for, whatever English the server sent', () => {
		const body = { error: 'The request body is too large.', code: 'too_large' };
		expect(apiProblemWords(body, 'fallback', { locale: 'en' })).toBe('That is too large to send.');
		expect(apiProblemWords(body, 'fallback', { locale: 'de' })).toBe('Das ist zu groß zum Senden.');
		expect(apiProblemWords(body, 'fallback', { locale: 'es' })).toBe(
			'Es demasiado grande para enviarlo.'
		);
	});

	test('params fill the words: the playbook asked for, the most a space holds', () => {
		const unknown = {
			error: 'There is no playbook "x".',
			code: 'unknown_playbook',
			params: { id: 'x' }
		};
		expect(apiProblemWords(unknown, 'fallback', { locale: 'de' })).toBe(
			'Auf diesem Server gibt es kein Playbook „x“.'
		);
		const full = {
			error: 'This team already has 30 members sharing.',
			code: 'full',
			params: { max: 30 }
		};
		expect(apiProblemWords(full, 'fallback', { locale: 'es' })).toBe(
			'Aquí no cabe nada más: el límite es 30.'
		);
	});

	test('an answer without a code, with one this page does not know, or not JSON gets the fallback', () => {
		expect(apiProblemWords({ error: 'Old server words.' }, 'fallback')).toBe('fallback');
		expect(apiProblemWords({ error: 'New.', code: 'from_the_future' }, 'fallback')).toBe(
			'fallback'
		);
		expect(apiProblemWords(undefined, 'fallback')).toBe('fallback');
		expect(apiProblemWords('<html>Bad gateway</html>', 'fallback')).toBe('fallback');
	});

	test('a code without the params its words need gets the fallback, not another code’s words', () => {
		expect(apiProblemWords({ error: 'Full.', code: 'full' }, 'fallback')).toBe('fallback');
		expect(
			apiProblemWords({ error: 'No such playbook.', code: 'unknown_playbook' }, 'fallback')
		).toBe('fallback');
	});
});
