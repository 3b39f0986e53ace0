import { assertNever } from '../../assert-never';
import { m } from '$lib/paraglide/messages';
import type {
	Cadence,
	Energy,
	LEVELS,
	PairingFit,
	PairingPreference
} from '../../protocol/pairing';

type Level = (typeof LEVELS)[number];

/** When someone works best, as the card's choice reads. */
export function energyWords(energy: Energy): string {
	switch (energy) {
		case 'mornings':
			return m.team_energy_mornings();
		case 'afternoons':
			return m.team_energy_afternoons();
		case 'no-preference':
			return m.team_energy_none();
		default:
			return assertNever(energy);
	}
}

/** A matching preference, in the reader's language. */
export function preferenceWords(preference: PairingPreference): string {
	switch (preference) {
		case 'outside-my-team':
			return m.team_pref_outside();
		case 'similar-level':
			return m.team_pref_similar();
		default:
			return assertNever(preference);
	}
}

/** A level as the card names it (the data keeps the English id). */
export function levelWords(level: Level): string {
	switch (level) {
		case 'new':
			return m.team_level_new();
		case 'practised':
			return m.team_level_practised();
		case 'experienced':
			return m.team_level_experienced();
		default:
			return assertNever(level);
	}
}

/** How often rounds are made. */
export function cadenceWords(cadence: Cadence): string {
	switch (cadence) {
		case 'none':
			return m.team_cadence_none();
		case 'weekly':
			return m.team_cadence_weekly();
		case 'fortnightly':
			return m.team_cadence_fortnightly();
		case 'monthly':
			return m.team_cadence_monthly();
		default:
			return assertNever(cadence);
	}
}

/** A member's answer on how the pairing fits. */
export function fitWords(fit: PairingFit): string {
	switch (fit) {
		case 'good-fit':
			return m.team_fit_good();
		case 'still-deciding':
			return m.team_fit_deciding();
		case 'not-a-good-fit':
			return m.team_fit_not_good();
		default:
			return assertNever(fit);
	}
}
