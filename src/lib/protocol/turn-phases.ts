// Apart from playbook.ts: the room's rules ask whether a phase runs as turns on the room page's
// first screen, and importing them from the playbook's module brought its whole schema and
// every worded problem along (about 4 KiB gzip, docs/performance.md).

/** A phase as far as turns go: who takes a turn in it, if it runs as turns. */
type TurnsOf = { turnBy?: readonly string[] | undefined };

/** Whether a phase runs as turns: it names who takes a turn in it (protocol A1). */
export const isTurnPhase = (phase: TurnsOf): boolean => (phase.turnBy?.length ?? 0) > 0;

/** Whether the playbook can run across time zones: some phase runs as turns (A1). */
export const runsAsTurns = (plan: { phases: readonly TurnsOf[] }): boolean =>
	plan.phases.some(isTurnPhase);
