import ical from 'ical-generator';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Interval } from './working-hours';

/**
 * A calendar file for a pair's first slot, with the room link as its location, URL and in its
 * description, so any calendar shows where to meet. Its words are in the downloader's language.
 * `stamp` is its DTSTAMP (the round's madeAt): passed in, so the same slot always makes the same
 * file rather than one that changes with the clock. Its UID is `group` (which round's group) and
 * the slot's start: the slot is worked out again from the partners' hours, and a slot moved by
 * changed hours must be a new event, not an update a calendar may ignore for its older stamp.
 */
export function pairingIcs(options: {
	slot: Interval;
	names: readonly string[];
	roomUrl: string;
	playbookTitle?: string;
	group: string;
	stamp: number;
}): string {
	const calendar = ical({ name: m.team_ics_calendar(), prodId: '//Practice Room//Pairing//EN' });
	const names = new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(options.names);
	calendar.createEvent({
		id: `${options.group}-${compactUtc(options.slot.start)}@practice-room`,
		stamp: new Date(options.stamp),
		start: new Date(options.slot.start),
		end: new Date(options.slot.end),
		summary: m.team_ics_summary({ names }),
		description: [
			...(options.playbookTitle ? [m.team_ics_playbook({ title: options.playbookTitle })] : []),
			m.team_ics_room({ url: options.roomUrl })
		].join('\n'),
		location: options.roomUrl,
		url: options.roomUrl
	});
	return calendar.toString();
}

/** `time` as an iCalendar UTC date-time, e.g. 20260114T140000Z. */
function compactUtc(time: number): string {
	return new Date(time).toISOString().replace(/[-:]|\.\d{3}/g, '');
}
