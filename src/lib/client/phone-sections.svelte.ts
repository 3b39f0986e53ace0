import { MediaQuery } from 'svelte/reactivity';
import { roomSectionTabs, type RoomSection } from '../room/room-sections';

/** What the section tabs count and who sees the Host tab. */
export interface SectionCounts {
	present: number;
	hands: number;
	hosting: boolean;
}

/**
 * The room page's sections on a phone-sized screen: one at a time, chosen by tabs, opening on the
 * session itself. On a wider screen (or before joining) every section shows and none is a tab
 * panel. Create it while the page initialises.
 */
export class PhoneSections {
	readonly #narrow = new MediaQuery('max-width: 760px');
	readonly #joined: () => boolean;
	readonly #counts: () => SectionCounts;
	current = $state<RoomSection>('now');
	readonly compact = $derived.by(() => this.#narrow.current && this.#joined());
	readonly tabs = $derived.by(() => {
		const { present, hands, hosting } = this.#counts();
		return roomSectionTabs({ present, hands }).filter((tab) => tab.id !== 'host' || hosting);
	});

	constructor(joined: () => boolean, counts: () => SectionCounts) {
		this.#joined = joined;
		this.#counts = counts;
		// A host who hands the role over loses the Host tab: back to the session.
		$effect(() => {
			if (!this.tabs.some((tab) => tab.id === this.current)) this.current = 'now';
		});
	}

	panelId = (id: RoomSection): string => `room-section-${id}`;

	/** A section's element: on a phone a tab panel, hidden unless its tab is chosen. */
	panel = (id: RoomSection) =>
		this.compact
			? {
					id: this.panelId(id),
					role: 'tabpanel',
					'aria-labelledby': `${this.panelId(id)}-tab`,
					hidden: this.current !== id
				}
			: {};
}
