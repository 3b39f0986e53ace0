import { toLocale, type Locale } from '../paraglide/runtime';

/**
 * The language of a screen the whole room looks at (the projector), given its playbook as the
 * person who opened it reads it (`localizePlaybook`: in their language where the playbook has a
 * translation into it, else in its own): that language when the app speaks it, so the screen's
 * words and the playbook's texts agree; else the viewer's.
 */
export function roomLocale(shown: object, viewer: Locale): Locale {
	const language = 'language' in shown && typeof shown.language === 'string' ? shown.language : '';
	// A tag with a region ("de-AT") speaks its language's messages.
	return toLocale(language.split('-')[0]) ?? viewer;
}
