/**
 * On a phone the room shows one section at a time: what the person needs now (phase, timer,
 * tool), and the rest one tap away. On a wider screen every section shows at once.
 */
import { m } from '../paraglide/messages';

export type RoomSection = 'now' | 'people' | 'host' | 'more';

export interface RoomSectionTab {
	id: RoomSection;
	label: string;
	/** A short count beside the label ("3"), or nothing. */
	badge: string;
	/** Something waiting there (raised hands): how many, and in words. */
	alert: { count: number; words: string } | undefined;
}

/** What the sections' tabs say, given who is here and whose hands are up. */
export function roomSectionTabs(facts: { present: number; hands: number }): RoomSectionTab[] {
	return [
		{ id: 'now', label: m.room_section_now(), badge: '', alert: undefined },
		{
			id: 'people',
			label: m.room_section_people(),
			badge: String(facts.present),
			alert:
				facts.hands > 0
					? { count: facts.hands, words: m.room_raised_hands({ count: facts.hands }) }
					: undefined
		},
		{ id: 'host', label: m.room_section_host(), badge: '', alert: undefined },
		{ id: 'more', label: m.room_section_more(), badge: '', alert: undefined }
	];
}

/**
 * The tab a key press moves to, as in the WAI-ARIA tabs pattern: arrows wrap around, Home and
 * End go to the ends; any other key moves nowhere.
 */
export function tabAfterKey(
	tabs: readonly RoomSection[],
	current: RoomSection,
	key: string
): RoomSection | undefined {
	const index = tabs.indexOf(current);
	if (index < 0 || tabs.length === 0) return undefined;
	const at = (i: number) => tabs[(i + tabs.length) % tabs.length];
	switch (key) {
		case 'ArrowRight':
			return at(index + 1);
		case 'ArrowLeft':
			return at(index - 1);
		case 'Home':
			return tabs[0];
		case 'End':
			return tabs[tabs.length - 1];
		default:
			return undefined;
	}
}

/** Where the call card shows: a phone's section, or beside the session on a wide screen. */
export type CallPlace = 'now' | 'more' | 'side';

/**
 * Where the call card shows: beside the session on a wide screen (`compact` false); on a phone
 * right under the timer once a link is shared (`linked`: it is joined now), else under More
 * (setting the room up).
 */
export function callPlace(compact: boolean, linked: boolean): CallPlace {
	if (!compact) return 'side';
	return linked ? 'now' : 'more';
}
