import { describe, expect, test } from 'vitest';
import { roomLocale } from './room-locale';

describe('the language of the room’s shared screen', () => {
	test('is the playbook’s language when the app speaks it', () => {
		expect(roomLocale({ language: 'es' }, 'de')).toBe('es');
		expect(roomLocale({ language: 'de-AT' }, 'en')).toBe('de');
	});

	test('is the viewer’s when the playbook names none, or one the app does not speak', () => {
		expect(roomLocale({}, 'de')).toBe('de');
		expect(roomLocale({ language: 'fr' }, 'es')).toBe('es');
		expect(roomLocale({ language: '' }, 'en')).toBe('en');
	});
});
