import { z } from 'zod';
import { readStored, writeStored } from '../client/identity';

const POSTS_KEY = 'practice-room:circle-posts';
const postsSchema = z.record(z.string(), z.array(z.string()));

function allPosts(): Record<string, string[]> {
	try {
		const parsed = postsSchema.safeParse(JSON.parse(readStored(POSTS_KEY) ?? '{}'));
		return parsed.success ? parsed.data : {};
	} catch {
		return {};
	}
}

/** The ids of the posts this browser made in a team: the ones it may offer to delete. */
export const myCirclePosts = (teamId: string): string[] => allPosts()[teamId] ?? [];

export function rememberCirclePosts(teamId: string, ids: string[]): void {
	writeStored(POSTS_KEY, JSON.stringify({ ...allPosts(), [teamId]: ids }));
}
