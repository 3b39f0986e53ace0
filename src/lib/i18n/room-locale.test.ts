import { describe, expect, test } from 'vitest';
import { builtInPlaybooks } from '../playbooks/library';
import { LOCALES } from '../playbooks/locale';
import { localizePlaybook } from '../playbooks/localize';
import { roomLocale } from './room-locale';

describe('the language of the room’s shared screen', () => {
	test('is the language the playbook is shown in when the app speaks it', () => {
		expect(roomLocale({ language: 'es' }, 'de')).toBe('es');
		expect(roomLocale({ language: 'de-AT' }, 'en')).toBe('de');
	});

	test('is the viewer’s when the playbook names none, or one the app does not speak', () => {
		expect(roomLocale({}, 'de')).toBe('de');
		expect(roomLocale({ language: 'fr' }, 'es')).toBe('es');
		expect(roomLocale({ language: '' }, 'en')).toBe('en');
	});

	test('is the viewer’s for every built-in playbook, each translated into every language', () => {
		for (const playbook of builtInPlaybooks)
			for (const viewer of LOCALES)
				expect(roomLocale(localizePlaybook(playbook, viewer), viewer), playbook.id).toBe(viewer);
	});

	test('is the playbook’s own for a viewer it has no translation for: words and texts agree', () => {
		const [playbook] = builtInPlaybooks;
		if (!playbook) throw new Error('no built-in playbook');
		const untranslated = { ...playbook, translations: {} };
		expect(roomLocale(localizePlaybook(untranslated, 'de'), 'de')).toBe(playbook.language);
	});
});
