/**
 * The limits on community playbooks (docs/protocol.md, C1 and C2): how many one address may save, and
 * how many the server keeps at once.
 */

/**
 * Playbooks one client address may save per hour, unless PLAYBOOKS_PER_ADDRESS_PER_HOUR says
 * otherwise: a workshop adapting a few playbooks together behind one office address, not a
 * flood (200 in a second were once accepted).
 */
export const DEFAULT_PLAYBOOKS_PER_ADDRESS_PER_HOUR = 20;

/**
 * Community playbooks kept at once, unless COMMUNITY_PLAYBOOKS_MAX says otherwise. The library
 * is measured fast at this size (docs/performance.md); at 100 KB each it is at most 1 GB.
 */
export const DEFAULT_COMMUNITY_PLAYBOOKS_MAX = 10_000;
