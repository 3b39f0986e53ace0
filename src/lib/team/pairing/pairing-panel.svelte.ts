import {
	saveCardRequestSchema,
	type Cadence,
	type PairingCard,
	type PairingFit,
	type PairingView
} from '../../protocol/pairing';
import { parseWithProblems } from '../../protocol/problems';
import { SavedSnapshot } from '$lib/client/saved-snapshot.svelte';
import { getLocale } from '$lib/paraglide/runtime';
import type { TeamAnswer } from '../team-api';
import { myPair } from './my-pair';
import {
	answerFit,
	deleteCard,
	fetchPairing,
	makePairs,
	saveCard,
	setCadence,
	startPairRoom
} from './pairing-api';
import { myCard, rememberMyCard, type MyCard } from './pairing-memory';
import { pairingIcs } from './pairing-ics';

/** A fresh card: the browser's zone, weekday office hours, nothing else chosen. */
export const blankCard = (timeZone: string): PairingCard => ({
	name: '',
	strengths: [],
	stretchGoals: [],
	timeZone,
	hours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
	energy: 'no-preference',
	preferences: [],
	optedIn: true
});

/**
 * The pairing part of a team space: the view, this browser's card (kept here too, with its
 * private list), and the actions. The member key is the team page's, hashed apart by the server.
 */
export class PairingPanel {
	view = $state<PairingView | undefined>();
	mine = $state<MyCard | undefined>();
	busy = $state(false);
	problem = $state<string | undefined>();
	problems = $state<string[]>([]);
	roomUrl = $state<string | undefined>();
	/** The card as being edited, and its private list. */
	draft = $state<PairingCard>(blankCard('UTC'));
	avoid = $state<string[]>([]);
	/** The card and list as stored in this browser (or blank): what `unsaved` compares with. */
	readonly #saved: SavedSnapshot<[PairingCard, string[]]>;

	/** The others' cards, for the private list. */
	readonly others = $derived(
		(this.view?.cards ?? []).filter((card) => card.cardId !== this.mine?.cardId)
	);

	constructor(
		readonly teamId: string,
		readonly memberKey: string,
		readonly timeZone: string
	) {
		// The plain stored object: `this.mine` is a state proxy, which structuredClone refuses.
		const stored = myCard(teamId);
		this.mine = stored;
		this.draft = structuredClone(stored?.card ?? blankCard(timeZone));
		this.avoid = [...(stored?.avoid ?? [])];
		this.#saved = new SavedSnapshot(() => [this.draft, this.avoid]);
	}

	/** The card or private list was changed and not saved: a reload would lose it. */
	get unsaved(): boolean {
		return this.#saved.unsaved;
	}

	/**
	 * This member's group in the latest round, seen from their side (and zone). Worked out once
	 * per change of the view or card: the page reads it about ten times a render.
	 */
	readonly pair = $derived.by(() =>
		this.view && this.mine
			? myPair(this.view, this.mine.cardId, this.timeZone, getLocale())
			: undefined
	);

	/** Adds or takes away `item` in a list of the draft, as a checkbox does. */
	static toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
		const without = list.filter((entry) => entry !== item);
		return on ? [...without, item] : without;
	}

	async load(): Promise<void> {
		this.#take(await fetchPairing(this.teamId));
	}

	#take(answer: TeamAnswer<PairingView>): boolean {
		if (answer.ok) {
			this.view = answer.data;
			this.problem = undefined;
		} else this.problem = answer.message;
		return answer.ok;
	}

	async #run(work: () => Promise<void>): Promise<void> {
		if (this.busy) return;
		this.busy = true;
		try {
			await work();
		} finally {
			this.busy = false;
		}
	}

	/** Saves the draft as this browser's card. */
	save(): Promise<void> {
		const card = $state.snapshot(this.draft);
		const avoid = [...this.avoid];
		return this.#run(async () => {
			const answer = await saveCard(this.teamId, this.memberKey, card, avoid);
			if (!answer.ok) {
				this.problem = answer.message;
				// The server's problems are English: the same schema here says them in the
				// person's language (and, should the two ever disagree, the server's stand).
				const here = parseWithProblems(saveCardRequestSchema, {
					memberKey: this.memberKey,
					card,
					avoid
				});
				this.problems = here.ok ? (answer.problems ?? []) : here.problems;
				return;
			}
			this.problems = [];
			this.mine = { cardId: answer.data.cardId, card, avoid };
			rememberMyCard(this.teamId, this.mine);
			this.#saved.markSaved([card, avoid]);
			this.#take({ ok: true, data: answer.data.view });
		});
	}

	remove(): Promise<void> {
		return this.#run(async () => {
			if (this.#take(await deleteCard(this.teamId, this.memberKey))) {
				this.mine = undefined;
				rememberMyCard(this.teamId, undefined);
			}
		});
	}

	makePairs = () => this.#run(async () => void this.#take(await makePairs(this.teamId)));

	setCadence = (cadence: Cadence) =>
		this.#run(async () => void this.#take(await setCadence(this.teamId, cadence)));

	answerFit = (fit: PairingFit) =>
		this.#run(async () => void this.#take(await answerFit(this.teamId, this.memberKey, fit)));

	/** The pair's room, started on first press; the same link for everyone in the pair. */
	async room(): Promise<string | undefined> {
		if (this.roomUrl) return this.roomUrl;
		const answer = await startPairRoom(this.teamId, this.memberKey);
		if (!answer.ok) {
			this.problem = answer.message;
			return undefined;
		}
		this.roomUrl = answer.data.url;
		return this.roomUrl;
	}

	/** The first slot as an .ics file, with the room link and the suggested playbook's title. */
	async calendarFile(playbookTitle: (id: string) => string): Promise<string | undefined> {
		const pair = this.pair;
		const url = await this.room();
		const round = this.view?.round;
		if (!pair?.slot || !url || !this.mine || !round) return undefined;
		return pairingIcs({
			slot: pair.slot.interval,
			names: [this.mine.card.name, ...pair.partners.map((p) => p.name)],
			roomUrl: url,
			playbookTitle: pair.playbookId ? playbookTitle(pair.playbookId) : undefined,
			group: `pair-${round.round}-${pair.index}-${this.teamId}`,
			stamp: round.madeAt
		});
	}
}
