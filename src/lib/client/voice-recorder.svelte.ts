import { CLIP_BITS_PER_SECOND, MAX_CLIP_MS } from '../protocol/clips';
import type { ClipSent } from './clip-requests';
import {
	clipMediaType,
	microphoneProblem,
	recordingType,
	type MicrophoneProblem
} from './voice-recording';

/** A finished take, kept in the browser until it is sent or recorded over. */
export interface Take {
	blob: Blob;
	/** A `blob:` URL for listening back; revoked when the take goes. */
	url: string;
	durationMs: number;
}

/** Where the recorder is; a problem keeps the take there was, if any. */
export type RecorderState =
	| { kind: 'idle' }
	| { kind: 'asking' }
	| { kind: 'recording' }
	| { kind: 'recorded'; take: Take }
	| { kind: 'sending'; take: Take }
	| { kind: 'problem'; problem: RecorderProblem; take?: Take };

/** Why there is no take, or why it was not sent (the browser words each, clip-words.ts). */
export type RecorderProblem = MicrophoneProblem | (ClipSent & { ok: false })['code'];

/** What the recorder needs of the browser: injected, so a test can stand in for it. */
export interface RecorderDevices {
	getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
	isTypeSupported(type: string): boolean;
	createRecorder(stream: MediaStream, options: MediaRecorderOptions): MediaRecorder;
	createObjectURL(blob: Blob): string;
	revokeObjectURL(url: string): void;
	/** A monotonic clock in ms (`performance.now`). */
	now(): number;
}

/** The browser's own devices, or undefined where it cannot record at all. */
export function browserDevices(): RecorderDevices | undefined {
	if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
		return undefined;
	}
	return {
		getUserMedia: (constraints) => navigator.mediaDevices.getUserMedia(constraints),
		isTypeSupported: (type) => MediaRecorder.isTypeSupported(type),
		createRecorder: (stream, options) => new MediaRecorder(stream, options),
		createObjectURL: (blob) => URL.createObjectURL(blob),
		revokeObjectURL: (url) => URL.revokeObjectURL(url),
		now: () => performance.now()
	};
}

/** How often the countdown moves while recording. */
const TICK_MS = 250;

/**
 * Records a voice take of at most {@link MAX_CLIP_MS} with a countdown, lets the person listen
 * back and record again until satisfied, then sends it with the `send` it is given. The
 * microphone is on only while recording.
 */
export class VoiceRecorder {
	state = $state<RecorderState>({ kind: 'idle' });
	/** Time recorded so far in this take, in ms. */
	elapsedMs = $state(0);
	readonly remainingMs = $derived(Math.max(0, MAX_CLIP_MS - this.elapsedMs));

	#recorder: MediaRecorder | undefined;
	#stream: MediaStream | undefined;
	#ticker: ReturnType<typeof setInterval> | undefined;
	#startedAt = 0;

	constructor(private readonly devices: RecorderDevices | undefined) {}

	/** The take there is now (recorded, being sent, or kept through a problem). */
	get take(): Take | undefined {
		const state = this.state;
		return state.kind === 'recorded' || state.kind === 'sending' || state.kind === 'problem'
			? state.take
			: undefined;
	}

	/** A take being recorded or not sent yet: a reload would lose it. */
	get unsent(): boolean {
		return this.state.kind === 'recording' || this.take !== undefined;
	}

	/** Asks for the microphone and starts a new take; the previous unsent take goes. */
	async start(): Promise<void> {
		const devices = this.devices;
		const type = devices && recordingType((t) => devices.isTypeSupported(t));
		if (!devices || !type) {
			this.state = { kind: 'problem', problem: 'unsupported' };
			return;
		}
		this.#dropTake();
		this.state = { kind: 'asking' };
		try {
			this.#stream = await devices.getUserMedia({ audio: true });
		} catch (error) {
			this.state = { kind: 'problem', problem: microphoneProblem(error) };
			return;
		}
		const recorder = devices.createRecorder(this.#stream, {
			mimeType: type,
			audioBitsPerSecond: CLIP_BITS_PER_SECOND
		});
		const chunks: Blob[] = [];
		recorder.addEventListener('dataavailable', (event) => chunks.push(event.data));
		recorder.addEventListener('stop', () => this.#finish(chunks, recorder.mimeType || type));
		recorder.addEventListener('error', () => {
			this.#release();
			this.state = { kind: 'problem', problem: 'failed' };
		});
		this.#recorder = recorder;
		this.#startedAt = devices.now();
		this.elapsedMs = 0;
		recorder.start();
		this.state = { kind: 'recording' };
		this.#ticker = setInterval(() => {
			this.elapsedMs = devices.now() - this.#startedAt;
			// The limit stops the take by itself: the server would refuse a longer one (B3).
			if (this.elapsedMs >= MAX_CLIP_MS) this.stop();
		}, TICK_MS);
	}

	/** Ends the take; it becomes `recorded` once the browser hands over its bytes. */
	stop(): void {
		if (this.#recorder?.state === 'recording') this.#recorder.stop();
		clearInterval(this.#ticker);
	}

	/**
	 * Sends the take; answers the server's reply and lets the take go, or keeps it with the
	 * problem so the person can try again or write instead.
	 */
	async send(
		send: (take: Take) => Promise<ClipSent>
	): Promise<(ClipSent & { ok: true }) | undefined> {
		const take = this.take;
		if (!take || this.state.kind === 'sending') return undefined;
		this.state = { kind: 'sending', take };
		const sent = await send(take);
		if (!sent.ok) {
			this.state = { kind: 'problem', problem: sent.code, take };
			return undefined;
		}
		this.#dropTake();
		this.state = { kind: 'idle' };
		return sent;
	}

	/** Stops everything and lets the take go (the component is leaving). */
	dispose(): void {
		this.stop();
		this.#release();
		this.#dropTake();
	}

	#finish(chunks: Blob[], mimeType: string): void {
		const devices = this.devices;
		this.#release();
		const type = clipMediaType(mimeType);
		if (!devices || !type) {
			this.state = { kind: 'problem', problem: 'unsupported' };
			return;
		}
		const blob = new Blob(chunks, { type });
		const durationMs = Math.min(MAX_CLIP_MS, Math.round(devices.now() - this.#startedAt));
		this.elapsedMs = durationMs;
		this.state = {
			kind: 'recorded',
			take: { blob, url: devices.createObjectURL(blob), durationMs }
		};
	}

	/** Turns the microphone off. */
	#release(): void {
		clearInterval(this.#ticker);
		for (const track of this.#stream?.getTracks() ?? []) track.stop();
		this.#stream = undefined;
		this.#recorder = undefined;
	}

	#dropTake(): void {
		const take = this.take;
		if (take) this.devices?.revokeObjectURL(take.url);
	}
}
