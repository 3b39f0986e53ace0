/**
 * Who must agree before a team space is erased (docs/protocol.md, T6). A space has no host and
 * no presence, so "everyone present" (S18) becomes "everyone with something in it": each member
 * with a share, a circle item or a pairing card. Their agreements are kept as the two salted
 * hashes the space knows them by (shares and circle items by one, pairing cards by another).
 */

/** One member's agreement, under both of the hashes their member key has in the space. */
export interface EraseAgreement {
	/** The hash shares and circle items are kept under (server/teams/team-routes.ts). */
	member: string;
	/** The hash the member's pairing card is kept under (server/teams/pairing-routes.ts). */
	pairingMember: string;
}

/** Whose things the space holds now, each by the hash it is kept under. */
export interface SpaceContributors {
	shareMembers: readonly string[];
	circleOwners: readonly string[];
	cardMembers: readonly string[];
}

/**
 * True when every contributor has agreed; a space with nothing of anyone's in it is erased on
 * the first agreement, as there is nobody else to ask.
 */
export function everyoneAgreed(
	contributors: SpaceContributors,
	agreements: readonly EraseAgreement[]
): boolean {
	const members = new Set(agreements.map((agreement) => agreement.member));
	const pairingMembers = new Set(agreements.map((agreement) => agreement.pairingMember));
	return (
		contributors.shareMembers.every((member) => members.has(member)) &&
		contributors.circleOwners.every((owner) => members.has(owner)) &&
		contributors.cardMembers.every((member) => pairingMembers.has(member))
	);
}
