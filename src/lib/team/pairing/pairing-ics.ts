import ical from 'ical-generator';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { Interval } from './working-hours';

/**
 * A calendar file for a pair's first slot, with the room link as its location, URL and in its
 * description, so any calendar shows where to meet. Its words are in the downloader's language.
 * `stamp` is its DTSTAMP (the round's madeAt): passed in, so the same slot always makes the same
 * file rather than one that changes with the clock.
 */
export function pairingIcs(options: {
	slot: Interval;
	names: readonly string[];
	roomUrl: string;
	playbookTitle?: string;
	uid: string;
	stamp: number;
}): string {
	const calendar = ical({ name: m.team_ics_calendar(), prodId: '//Practice Room//Pairing//EN' });
	const names = new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(options.names);
	calendar.createEvent({
		id: options.uid,
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
