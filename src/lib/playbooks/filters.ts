import type { PlaybookSummary } from '../protocol/playbook';
import { DIFFICULTIES, SKILLS, type Difficulty, type Skill } from '../protocol/playbook-facets';
import { asLocale, type Locale } from './locale';
import { readableIn } from './localize';

/** What the library can be narrowed by; every field lives in the URL so a view can be shared. */
export interface LibraryFilters {
	/** Words that must all appear in the title, summary (in any language), skills or author. */
	q: string;
	skill: Skill | undefined;
	/** Longest playbook wanted, in minutes. */
	maxMinutes: number | undefined;
	difficulty: Difficulty | undefined;
	/** How many people will practise: the playbook's group size must allow it. */
	people: number | undefined;
	/** A language the playbook must be written or translated in. */
	language: Locale | undefined;
}

export const TIME_LIMITS = [5, 15, 30, 60] as const;

/** Longest library search kept, in characters (code points); the search field allows no more. */
export const MAX_SEARCH_LENGTH = 100;

function positiveInt(value: string | null): number | undefined {
	if (value === null || !/^\d{1,3}$/.test(value)) return undefined;
	const number = Number(value);
	return number > 0 ? number : undefined;
}

/** Reads filters from a URL; anything unknown or malformed is ignored rather than an error. */
export function readFilters(params: URLSearchParams): LibraryFilters {
	const skill = params.get('skill');
	const difficulty = params.get('difficulty');
	return {
		// Whole characters (code points, so an emoji is never cut in half), trimmed after the cut
		// so the canonical address reads back to itself.
		q: Array.from((params.get('q') ?? '').trim())
			.slice(0, MAX_SEARCH_LENGTH)
			.join('')
			.trim(),
		skill: SKILLS.find((s) => s === skill),
		maxMinutes: positiveInt(params.get('time')),
		difficulty: DIFFICULTIES.find((d) => d === difficulty),
		people: positiveInt(params.get('people')),
		language: asLocale(params.get('lang'))
	};
}

/** The query string for a set of filters, leaving out what is not set. */
export function writeFilters(filters: LibraryFilters): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.q) params.set('q', filters.q);
	if (filters.skill) params.set('skill', filters.skill);
	if (filters.maxMinutes !== undefined) params.set('time', String(filters.maxMinutes));
	if (filters.difficulty) params.set('difficulty', filters.difficulty);
	if (filters.people !== undefined) params.set('people', String(filters.people));
	if (filters.language) params.set('lang', filters.language);
	return params;
}

/** Whether any filter is set: with none, every playbook matches and paging can skip ahead. */
export function hasFilters(filters: LibraryFilters): boolean {
	return writeFilters(filters).size > 0;
}

export function matchesFilters(playbook: PlaybookSummary, filters: LibraryFilters): boolean {
	if (filters.skill && !playbook.skills.includes(filters.skill)) return false;
	if (filters.maxMinutes !== undefined && playbook.minutes > filters.maxMinutes) return false;
	if (filters.difficulty && playbook.difficulty !== filters.difficulty) return false;
	if (
		filters.people !== undefined &&
		(filters.people < playbook.groupSize.min || filters.people > playbook.groupSize.max)
	) {
		return false;
	}
	if (filters.language && !readableIn(playbook, filters.language)) return false;
	const translated = Object.values(playbook.translations).flatMap((t) => [t.title, t.summary]);
	const haystack = [
		playbook.title,
		playbook.summary,
		...translated,
		playbook.author,
		...playbook.skills
	]
		.join(' ')
		.toLowerCase();
	return filters.q
		.toLowerCase()
		.split(/\s+/)
		.filter(Boolean)
		.every((word) => haystack.includes(word));
}
