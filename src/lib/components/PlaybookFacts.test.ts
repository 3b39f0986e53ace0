import { render } from 'svelte/server';
import { describe, expect, test } from 'vitest';
import { inLocale } from '$lib/i18n/in-locale';
import type { Skill } from '$lib/protocol/playbook';
import PlaybookFacts from './PlaybookFacts.svelte';

const factsOf = (skills: Skill[]) =>
	render(PlaybookFacts, {
		props: {
			playbook: { skills, minutes: 20, difficulty: 'starter', groupSize: { min: 2, max: 2 } }
		}
	}).body;

describe('a playbook’s facts', () => {
	test('its skills read as a list in running text, with the language’s “and” however many', () => {
		expect(factsOf(['listening', 'empathy'])).toContain('listening and empathy');
		expect(inLocale('de', () => factsOf(['listening', 'empathy']))).toContain(
			'Zuhören und Empathie'
		);
		expect(inLocale('es', () => factsOf(['listening', 'empathy', 'feedback']))).toContain(
			'escucha, empatía y feedback'
		);
	});
});
