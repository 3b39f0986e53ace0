import { describe, expect, test } from 'vitest';
import { feedbackMessage } from './feedback';

const empty = { permission: '', situation: '', behaviour: '', impact: '', ask: '' };

describe('feedback message', () => {
	test('reads the parts in speaking order as sentences', () => {
		expect(
			feedbackMessage({
				ask: 'could you send it by Thursday next time',
				impact: 'the team waited a day',
				behaviour: 'the report arrived on Friday',
				situation: 'in last week’s release',
				permission: 'can I share something I noticed'
			})
		).toBe(
			'Can I share something I noticed? In last week’s release. The report arrived on Friday. The team waited a day. Could you send it by Thursday next time?'
		);
	});

	test('leaves out empty parts and tidies spaces', () => {
		expect(feedbackMessage({ ...empty, behaviour: '  you   left early!  ', ask: ' ' })).toBe(
			'You left early!'
		);
		expect(feedbackMessage(empty)).toBe('');
	});

	test('knows German and Spanish questions too', () => {
		expect(
			feedbackMessage({
				...empty,
				permission: 'darf ich dir etwas sagen',
				ask: 'könntest du mir künftig früher Bescheid geben'
			})
		).toBe('Darf ich dir etwas sagen? Könntest du mir künftig früher Bescheid geben?');
		expect(
			feedbackMessage({ ...empty, permission: '¿puedo compartir algo', impact: 'el equipo esperó' })
		).toBe('¿Puedo compartir algo? El equipo esperó.');
	});
});
