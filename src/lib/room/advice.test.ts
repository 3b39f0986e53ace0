import { describe, expect, test } from 'vitest';
import { findAdvice } from './advice';

describe('advice hint', () => {
	test('finds advice phrases whatever the case or apostrophe', () => {
		expect(findAdvice('Maybe you SHOULD talk to her')).toBe('you should');
		expect(findAdvice("Why don't you ask for a day off?")).toBe('why don’t you');
		expect(findAdvice('Have   you\ntried writing it down?')).toBe('have you tried');
	});

	test('finds advice in German and Spanish too, whatever the playbook’s language', () => {
		expect(findAdvice('Vielleicht solltest du… nein: Du solltest mit ihr reden')).toBe(
			'du solltest'
		);
		expect(findAdvice('An deiner Stelle würde ich kündigen')).toBe('an deiner stelle');
		expect(findAdvice('¿Has probado a escribirlo?')).toBe('has probado');
		expect(findAdvice('Yo en tu lugar hablaría con ella')).toBe('yo en tu lugar');
		expect(findAdvice('Du hast dich übergangen gefühlt')).toBe(undefined);
		expect(findAdvice('Te sentiste sola en esa reunión')).toBe(undefined);
	});

	test('reflections of feelings, motives and needs pass', () => {
		expect(findAdvice('It sounds like you felt left out, and what you need now is time')).toBe(
			undefined
		);
		expect(findAdvice('You felt the shoulders of the team were on you')).toBe(undefined);
	});

	test('matches whole words only', () => {
		expect(findAdvice('you shoulder a lot')).toBe(undefined);
		expect(findAdvice('yes, you should.')).toBe('you should');
	});

	test('a playbook can add its own phrases', () => {
		expect(findAdvice('Next time, push back harder', ['push back'])).toBe('push back');
		expect(findAdvice('Next time, push back harder')).toBe(undefined);
		expect(findAdvice('anything at all', ['  '])).toBe(undefined);
	});
});
