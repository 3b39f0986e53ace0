import { expect, test } from 'vitest';
import { clipMediaType, microphoneProblem, recordingType } from './voice-recording';

test('Opus in WebM is preferred, Ogg taken when it is all the browser makes', () => {
	expect(recordingType(() => true)).toBe('audio/webm;codecs=opus');
	expect(recordingType((type) => type.startsWith('audio/ogg'))).toBe('audio/ogg;codecs=opus');
	expect(recordingType(() => false)).toBeUndefined();
});

test('a recorder’s MIME type becomes the clip’s media type, codec and case aside', () => {
	expect(clipMediaType('audio/webm;codecs=opus')).toBe('audio/webm');
	expect(clipMediaType('Audio/Ogg; codecs=opus')).toBe('audio/ogg');
	expect(clipMediaType('audio/mp4')).toBeUndefined();
});

test('a refused, missing or broken microphone each get their own problem', () => {
	const named = (name: string) => Object.assign(new Error('x'), { name });
	expect(microphoneProblem(named('NotAllowedError'))).toBe('refused');
	expect(microphoneProblem(named('SecurityError'))).toBe('refused');
	expect(microphoneProblem(named('NotFoundError'))).toBe('no-microphone');
	expect(microphoneProblem(new TypeError('no mediaDevices'))).toBe('unsupported');
	expect(microphoneProblem(named('NotReadableError'))).toBe('failed');
	expect(microphoneProblem('not even an error')).toBe('failed');
});
