import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { MAX_CLIP_MS } from '../protocol/clips';
import type { ClipSent } from './clip-requests';
import { VoiceRecorder, type RecorderDevices } from './voice-recorder.svelte';

/** A stand-in for the browser's MediaRecorder: hands over one chunk when stopped. */
class FakeRecorder extends EventTarget {
	state: RecordingState = 'inactive';
	constructor(readonly mimeType: string) {
		super();
	}
	start() {
		this.state = 'recording';
	}
	stop() {
		this.state = 'inactive';
		const data = new Blob(['opus bytes'], { type: this.mimeType });
		this.dispatchEvent(Object.assign(new Event('dataavailable'), { data }));
		this.dispatchEvent(new Event('stop'));
	}
}

/** Devices on a clock the test moves; `refuse` makes the microphone say no. */
function devices(options: { refuse?: string; types?: string[] } = {}) {
	const clock = { now: 0 };
	const stopped: string[] = [];
	const revoked: string[] = [];
	let urls = 0;
	const fake: RecorderDevices = {
		getUserMedia: async () => {
			if (options.refuse) throw Object.assign(new Error('no'), { name: options.refuse });
			// reason: a stand-in stream; the recorder uses only its tracks.
			return { getTracks: () => [{ stop: () => stopped.push('track') }] } as unknown as MediaStream;
		},
		isTypeSupported: (type) => (options.types ?? ['audio/webm;codecs=opus']).includes(type),
		createRecorder: (_stream, { mimeType }) =>
			// reason: the stand-in has the part of MediaRecorder the recorder uses.
			new FakeRecorder(mimeType ?? '') as unknown as MediaRecorder,
		createObjectURL: () => `blob:take-${++urls}`,
		revokeObjectURL: (url) => revoked.push(url),
		now: () => clock.now
	};
	return { fake, clock, stopped, revoked };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

test('a take is recorded with a countdown, listened back, and replaced by the next one', async () => {
	const { fake, clock, stopped, revoked } = devices();
	const recorder = new VoiceRecorder(fake);
	await recorder.start();
	expect(recorder.state.kind).toBe('recording');
	clock.now = 2_000;
	vi.advanceTimersByTime(250);
	expect(recorder.remainingMs).toBe(MAX_CLIP_MS - 2_000);
	recorder.stop();
	expect(recorder.state).toMatchObject({
		kind: 'recorded',
		take: { url: 'blob:take-1', durationMs: 2_000 }
	});
	expect(recorder.take?.blob.type).toBe('audio/webm');
	// The microphone is off as soon as the take ends.
	expect(stopped).toEqual(['track']);

	await recorder.start();
	expect(revoked).toEqual(['blob:take-1']);
});

test('recording stops by itself at three minutes', async () => {
	const { fake, clock } = devices();
	const recorder = new VoiceRecorder(fake);
	await recorder.start();
	clock.now = MAX_CLIP_MS + 100;
	vi.advanceTimersByTime(250);
	expect(recorder.state).toMatchObject({ kind: 'recorded', take: { durationMs: MAX_CLIP_MS } });
});

test('a refused microphone, a missing one and a browser without Opus each say so', async () => {
	const refused = new VoiceRecorder(devices({ refuse: 'NotAllowedError' }).fake);
	await refused.start();
	expect(refused.state).toEqual({ kind: 'problem', problem: 'refused' });
	const missing = new VoiceRecorder(devices({ refuse: 'NotFoundError' }).fake);
	await missing.start();
	expect(missing.state).toEqual({ kind: 'problem', problem: 'no-microphone' });
	const noOpus = new VoiceRecorder(devices({ types: [] }).fake);
	await noOpus.start();
	expect(noOpus.state).toEqual({ kind: 'problem', problem: 'unsupported' });
	const nothing = new VoiceRecorder(undefined);
	await nothing.start();
	expect(nothing.state).toEqual({ kind: 'problem', problem: 'unsupported' });
});

test('a refused send keeps the take with the problem; a sent one lets it go', async () => {
	const { fake, revoked } = devices();
	const recorder = new VoiceRecorder(fake);
	await recorder.start();
	recorder.stop();
	const refused: ClipSent = { ok: false, code: 'clip_too_large' };
	expect(await recorder.send(async () => refused)).toBeUndefined();
	// The language switcher asks before a reload would lose it.
	expect(recorder.unsent).toBe(true);
	expect(recorder.state).toMatchObject({
		kind: 'problem',
		problem: 'clip_too_large',
		take: { url: 'blob:take-1' }
	});

	const reply = {
		clipId: 'A'.repeat(22),
		path: '/p',
		type: 'audio/webm' as const,
		bytes: 10,
		durationMs: 0
	};
	expect(await recorder.send(async () => ({ ok: true, reply }))).toEqual({ ok: true, reply });
	expect(recorder.state).toEqual({ kind: 'idle' });
	expect(recorder.unsent).toBe(false);
	expect(revoked).toEqual(['blob:take-1']);
});
