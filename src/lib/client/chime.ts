import { readStored, writeStored } from './identity';

const MUTED_KEY = 'practice-room:muted';

export function isMuted(): boolean {
	return readStored(MUTED_KEY) === 'true';
}

export function setMuted(muted: boolean): void {
	writeStored(MUTED_KEY, String(muted));
}

let context: AudioContext | undefined;

/**
 * Creates (or wakes) the page's audio context. Browsers only let audio start after a person
 * interacts with the page, so the room calls this on the first click or key press; the chime
 * at the end of a timebox can then play even if this person never touched the timer.
 */
export function primeAudio(): void {
	if (!globalThis.AudioContext) return;
	context ??= new AudioContext();
	if (context.state === 'suspended') void context.resume();
}

/** A short, soft two-note chime for the end of a timebox, made with Web Audio (no file to load). */
export function playChime(): void {
	primeAudio();
	if (!context) return;
	const start = context.currentTime;
	for (const [index, frequency] of [660, 880].entries()) {
		const oscillator = context.createOscillator();
		const gain = context.createGain();
		oscillator.type = 'sine';
		oscillator.frequency.value = frequency;
		const at = start + index * 0.25;
		gain.gain.setValueAtTime(0.0001, at);
		gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
		gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.6);
		oscillator.connect(gain).connect(context.destination);
		oscillator.start(at);
		oscillator.stop(at + 0.65);
	}
}
