/**
 * On a phone the room shows one section at a time: what the person needs now (phase, timer,
 * tool), and the rest one tap away. On a wider screen every section shows at once.
 */
export type RoomSection = 'now' | 'people' | 'host' | 'more';

export interface RoomSectionTab {
	id: RoomSection;
	label: string;
	/** A short count or sign beside the label ("3", "✋ 1"), or nothing. */
	badge: string;
}

/** What the sections' tabs say, given who is here and whose hands are up. */
export function roomSectionTabs(facts: { present: number; hands: number }): RoomSectionTab[] {
	return [
		{ id: 'now', label: 'Session', badge: '' },
		{
			id: 'people',
			label: 'People',
			badge: facts.hands > 0 ? `${facts.present} · ✋ ${facts.hands}` : String(facts.present)
		},
		{ id: 'host', label: 'Host', badge: '' },
		{ id: 'more', label: 'More', badge: '' }
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
