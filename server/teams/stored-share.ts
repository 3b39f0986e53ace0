import { storedShareSchema, type StoredShare } from '../../src/lib/protocol/team';
import { log } from '../log';

/**
 * Reads a stored share. One that no longer parses (the schema tightened since) is left out and
 * logged by count, so it cannot break the team's view.
 */
export function parseStoredShare(raw: string): StoredShare | undefined {
	try {
		const parsed = storedShareSchema.safeParse(JSON.parse(raw));
		if (parsed.success) return parsed.data;
		log.teams.warn({ problems: parsed.error.issues.length }, 'a stored share no longer parses');
	} catch {
		log.teams.warn('a stored share is not JSON');
	}
	return undefined;
}
