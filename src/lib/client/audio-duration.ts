/**
 * Makes an `<audio>` element learn how long a clip is. MediaRecorder's WebM carries no duration
 * in its header, so the element reports Infinity (and its slider cannot seek) until it has read
 * to the end: seeking far past the end makes it read the last bytes (a Range request, B2), and
 * once the duration is known it goes back to the start.
 */
export function settleDuration(audio: HTMLMediaElement): void {
	if (Number.isFinite(audio.duration)) return;
	// A clip that loads only when played is already playing here: it plays on from the start.
	const playing = !audio.paused;
	const settled = () => {
		if (!Number.isFinite(audio.duration)) return;
		audio.removeEventListener('durationchange', settled);
		audio.currentTime = 0;
		if (playing) void audio.play();
	};
	audio.addEventListener('durationchange', settled);
	audio.currentTime = Number.MAX_SAFE_INTEGER;
}
