/** A short, soft two-note chime for the end of a timebox, made with Web Audio (no file to load). */
export function playChime(): void {
	const AudioContextClass = globalThis.AudioContext;
	if (!AudioContextClass) return;
	const context = new AudioContextClass();
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
	setTimeout(() => void context.close(), 1_500);
}
