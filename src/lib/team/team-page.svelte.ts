import type { JournalStore } from '../journal/journal-store';
import type { TeamView, WeekCounts } from '../protocol/team';
import {
	agreeToEraseTeam,
	fetchTeam,
	shareWithTeam,
	withdrawFromTeam,
	type TeamAnswer
} from './team-api';
import { rememberCirclePosts } from './circle-memory';
import { rememberMyCard } from './pairing/pairing-memory';
import { forgetTeam, rememberTeam, updateTeam, type RememberedTeam } from './team-memory';
import { shareCounts } from './share-counts';

/**
 * The team page's state: what the link shows, what this browser would share (computed from its
 * own journal, shown before anything is sent), and sharing or withdrawing.
 */
export class TeamPage {
	view = $state<TeamView | undefined>();
	/** The link leads to no team (unknown, or expired). */
	notFound = $state(false);
	problem = $state<string | undefined>();
	busy = $state(false);
	me = $state<RememberedTeam | undefined>();
	/** The space was erased from this page (T6): nothing of it is left to show. */
	erased = $state(false);
	/** How many members had agreed to erase, after this browser agreed and others are awaited. */
	eraseAgreed = $state<number | undefined>();
	/** This browser's weekly counts as they would be shared now. */
	counts = $state<WeekCounts[]>([]);

	readonly sharing = $derived(this.me?.sharedAt != null);
	readonly countTotals = $derived({
		sessions: this.counts.reduce((sum, week) => sum + week.sessions, 0),
		minutes: this.counts.reduce((sum, week) => sum + week.minutes, 0)
	});

	constructor(
		readonly teamId: string,
		readonly journal: JournalStore,
		readonly context: () => { timeZone: string; now: number }
	) {}

	/** Loads the team and this browser's counts, and follows the journal's changes. */
	start(): () => void {
		void this.#load();
		return this.journal.subscribe(() => void this.#count());
	}

	async #load(): Promise<void> {
		this.#take(await fetchTeam(this.teamId));
		await this.#count();
	}

	#counting = 0;

	async #count(): Promise<void> {
		// Only the latest reading counts: an earlier one finishing late would show stale counts.
		// A journal that cannot be opened counts as empty, so a member can still share.
		const run = ++this.#counting;
		const entries = await this.journal.list().catch(() => []);
		if (run === this.#counting) this.counts = shareCounts(entries, this.context());
	}

	#take(answer: TeamAnswer<TeamView>): boolean {
		if (answer.ok) {
			this.view = answer.data;
			this.problem = undefined;
			this.me = rememberTeam(this.teamId, answer.data.name);
		} else if (answer.status === 404) {
			this.notFound = true;
		} else {
			this.problem = answer.message;
		}
		return answer.ok;
	}

	async #send(
		send: (me: RememberedTeam) => Promise<TeamAnswer<TeamView>>,
		sharedAt: () => number | null
	) {
		const me = this.me;
		if (!me || this.busy) return;
		this.busy = true;
		if (this.#take(await send(me))) {
			this.me = { ...me, sharedAt: sharedAt() };
			updateTeam(this.teamId, this.me);
		}
		this.busy = false;
	}

	/** Shares the counts shown, replacing this browser's earlier share. */
	async share(): Promise<void> {
		await this.#count();
		await this.#send(
			(me) => shareWithTeam(this.teamId, me.memberKey, this.counts),
			() => this.context().now
		);
	}

	/** Takes this browser's share back at once. */
	async withdraw(): Promise<void> {
		await this.#send(
			(me) => withdrawFromTeam(this.teamId, me.memberKey),
			() => null
		);
	}

	/** Agrees to erase the whole space; the server erases it once every contributor agreed. */
	async agreeToErase(): Promise<void> {
		const me = this.me;
		if (!me || this.busy) return;
		this.busy = true;
		const answer = await agreeToEraseTeam(this.teamId, me.memberKey);
		if (!answer.ok) {
			if (answer.status === 404) this.notFound = true;
			else this.problem = answer.message;
		} else if (answer.data.erased) {
			// The browser's own copies go too: the card with its private list, the posts' ids.
			forgetTeam(this.teamId);
			rememberMyCard(this.teamId, undefined);
			rememberCirclePosts(this.teamId, []);
			this.erased = true;
			this.view = undefined;
		} else {
			this.eraseAgreed = answer.data.agreed;
		}
		this.busy = false;
	}
}
