import { randomBytes } from 'node:crypto';

/** The id in a room or team link: 128 random bits, base64url, 22 characters that cannot be guessed. */
export function newLinkId(): string {
	return randomBytes(16).toString('base64url');
}
