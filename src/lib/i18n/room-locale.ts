import { toLocale, type Locale } from '../paraglide/runtime';

/**
 * The language of a screen the whole room looks at (the projector): the room's own, which is its
 * playbook's `language`, when it is one this app speaks; else the language of whoever opened it.
 * A room has no other language: each person's own screen follows their own.
 */
export function roomLocale(playbook: object, viewer: Locale): Locale {
	const language =
		'language' in playbook && typeof playbook.language === 'string' ? playbook.language : '';
	// A tag with a region ("de-AT") speaks its language's messages.
	return toLocale(language.split('-')[0]) ?? viewer;
}
