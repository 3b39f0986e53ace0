import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new room secret (host key, projector token): 256 random bits in base64url. */
export function newSecret(): string {
	return randomBytes(32).toString('base64url');
}

/** Host keys are stored only as this hash: a stolen database does not hand out host rights. */
export function hashSecret(secret: string): string {
	return createHash('sha256').update(secret).digest('base64url');
}

/** A ticket for `subject` signed with `secret`: anyone holding the secret can check it. */
export function signTicket(secret: string, subject: string): string {
	return createHmac('sha256', secret).update(subject).digest('base64url');
}

/** Compares two secrets in constant time, whatever their lengths. */
export function sameSecret(given: string, expected: string): boolean {
	return timingSafeEqual(
		createHash('sha256').update(given).digest(),
		createHash('sha256').update(expected).digest()
	);
}
