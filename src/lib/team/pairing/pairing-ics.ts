import ical from 'ical-generator';
import type { Interval } from './working-hours';

/**
 * A calendar file for a pair's first slot, with the room link as its location, URL and in its
 * description, so any calendar shows where to meet.
 */
export function pairingIcs(options: {
	slot: Interval;
	names: readonly string[];
	roomUrl: string;
	playbookTitle?: string;
	uid: string;
}): string {
	const calendar = ical({ name: 'Practice Room pairing', prodId: '//Practice Room//Pairing//EN' });
	calendar.createEvent({
		id: options.uid,
		start: new Date(options.slot.start),
		end: new Date(options.slot.end),
		summary: `Practice pair: ${options.names.join(' and ')}`,
		description: `${options.playbookTitle ? `Suggested playbook: ${options.playbookTitle}\n` : ''}Our room: ${options.roomUrl}`,
		location: options.roomUrl,
		url: options.roomUrl
	});
	return calendar.toString();
}
