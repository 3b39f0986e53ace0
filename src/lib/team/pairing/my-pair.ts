import type { PairingCard, PairingView, PublicCard } from '../../protocol/pairing';
import { firstSlot, type GroupMember } from './pair-plan';
import { rationale } from './rationale';
import { usualSharedWeek, type Hours, type Interval } from './working-hours';

/** What one member sees of their group in the latest round. */
export interface MyPair {
	index: number;
	partners: PublicCard[];
	/** Why, in their own time zone. */
	why: string;
	slot?: { interval: Interval; mine: string; theirs: { name: string; when: string }[] };
	playbookId?: string;
	roomId?: string;
	ended: boolean;
}

/** A public card as the rationale takes it: the private parts it never sees left empty. */
const asMember = (card: PublicCard): GroupMember => {
	const full: PairingCard = {
		name: card.name,
		strengths: card.strengths,
		stretchGoals: card.stretchGoals,
		timeZone: card.timeZone,
		hours: card.hours,
		energy: card.energy,
		preferences: [],
		optedIn: card.optedIn
	};
	return { cardId: card.cardId, card: full };
};

const hoursOf = (card: PublicCard): Hours => ({ hours: card.hours, zone: card.timeZone });

/** An instant as "Wed, Jan 14, 15:00 (Europe/Berlin)" in `zone`, written the way `locale` writes dates. */
export function slotText(at: number, zone: string, locale: string): string {
	const text = new Intl.DateTimeFormat(locale, {
		timeZone: zone,
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		hour: '2-digit',
		minute: '2-digit',
		hourCycle: 'h23'
	}).format(at);
	return `${text} (${zone})`;
}

/**
 * The group `cardId` is in, seen from their side: partners, the reasons in their zone (`zone`,
 * the browser's, which may differ from the card's), a first slot in everyone's own time, dates
 * as `locale` writes them.
 */
export function myPair(
	view: PairingView,
	cardId: string,
	zone: string,
	locale: string
): MyPair | undefined {
	const round = view.round;
	if (!round) return undefined;
	const index = round.groups.findIndex((group) => group.members.includes(cardId));
	const group = round.groups[index];
	const me = view.cards.find((card) => card.cardId === cardId);
	if (!group || !me) return undefined;
	const partners = group.members
		.filter((id) => id !== cardId)
		.flatMap((id) => view.cards.filter((card) => card.cardId === id));
	const everyone: [Hours, ...Hours[]] = [hoursOf(me), ...partners.map(hoursOf)];
	const viewer = asMember({ ...me, timeZone: zone });
	const interval = firstSlot(everyone, round.madeAt);
	return {
		index,
		partners,
		why: rationale(viewer, partners.map(asMember), usualSharedWeek(everyone, round.madeAt)),
		...(interval
			? {
					slot: {
						interval,
						mine: slotText(interval.start, zone, locale),
						theirs: partners.map((p) => ({
							name: p.name,
							when: slotText(interval.start, p.timeZone, locale)
						}))
					}
				}
			: {}),
		...(group.playbookId ? { playbookId: group.playbookId } : {}),
		...(group.roomId ? { roomId: group.roomId } : {}),
		ended: group.ended
	};
}
