import { getLocale } from '$lib/paraglide/runtime';
import { localizeSummary } from '../playbooks/localize';
import type { CircleView } from '../protocol/circle';
import type { PlaybookSummary } from '../protocol/playbook';
import {
	addToCircle,
	deleteFromCircle,
	fetchCircle,
	fetchLibrary,
	type CircleAddition
} from './circle-api';
import { challengeWords } from './challenge-words';
import { myCirclePosts, rememberCirclePosts } from './circle-memory';
import type { TeamAnswer } from './team-api';

/** How often an open team page looks for other members' posts. */
const REFRESH_MS = 10_000;

/**
 * The circle on a team page: the view, this browser's own posts (which it may delete), the
 * library for shelf picks, and adding or deleting. The member key is the team page's.
 */
export class CirclePage {
	view = $state<CircleView | undefined>();
	library = $state<PlaybookSummary[]>([]);
	problem = $state<string | undefined>();
	busy = $state(false);
	mine = $state<string[]>([]);

	constructor(
		readonly teamId: string,
		readonly memberKey: () => string | undefined
	) {}

	/** Loads the circle and the library and keeps the circle fresh; answers how to stop. */
	start(): () => void {
		this.mine = myCirclePosts(this.teamId);
		void this.refresh();
		void fetchLibrary().then((answer) => {
			// Titles in the person's language, for the picker and the shelf's own picks.
			if (answer.ok)
				this.library = answer.data.map((summary) => localizeSummary(summary, getLocale()));
		});
		const timer = setInterval(() => void this.refresh(), REFRESH_MS);
		return () => clearInterval(timer);
	}

	async refresh(): Promise<void> {
		this.#take(await fetchCircle(this.teamId));
	}

	#take(answer: TeamAnswer<CircleView>): boolean {
		if (answer.ok) {
			const { challenge } = answer.data;
			this.view = {
				...answer.data,
				challenge: { ...challenge, text: challengeWords(challenge.text, challenge.builtIn) }
			};
			this.problem = undefined;
		} else {
			this.problem = answer.message;
		}
		return answer.ok;
	}

	/** Adds to the circle; answers whether it was saved (a form clears itself then). */
	async add(addition: CircleAddition): Promise<boolean> {
		const key = this.memberKey();
		if (!key || this.busy) return false;
		this.busy = true;
		const answer = await addToCircle(this.teamId, key, addition);
		this.busy = false;
		if (!answer.ok) {
			this.problem = answer.message;
			return false;
		}
		this.mine = [...this.mine, answer.data.itemId];
		rememberCirclePosts(this.teamId, this.mine);
		return this.#take({ ok: true, data: answer.data.view });
	}

	/** Deletes one of this browser's posts. */
	async remove(itemId: string): Promise<void> {
		const key = this.memberKey();
		if (!key || this.busy) return;
		this.busy = true;
		const answer = await deleteFromCircle(this.teamId, key, itemId);
		this.busy = false;
		// A 404 means the post is gone already: forget it too.
		if (this.#take(answer) || (!answer.ok && answer.status === 404)) {
			this.mine = this.mine.filter((id) => id !== itemId);
			rememberCirclePosts(this.teamId, this.mine);
		}
	}

	/** Whether this browser marked this month's challenge. */
	readonly triedThisMonth = $derived(
		this.view !== undefined && this.mine.some((id) => id.startsWith(`tried-${this.view?.month}`))
	);
}
