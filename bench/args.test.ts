import { describe, expect, test } from 'vitest';
import { parseArgs, parseDuration } from './args';

describe('bench arguments', () => {
	test('values follow an equals sign; a bare flag reads as "true"', () => {
		const args = parseArgs(['--soak', '--rooms=300', '--servers=practice-room,y-websocket']);
		expect(args.get('soak')).toBe('true');
		expect(args.get('rooms')).toBe('300');
		expect(args.get('servers')).toBe('practice-room,y-websocket');
		expect(args.has('quick')).toBe(false);
	});

	test('durations take a unit, and a bare number is milliseconds', () => {
		expect(parseDuration('8000')).toBe(8_000);
		expect(parseDuration('250ms')).toBe(250);
		expect(parseDuration('90s')).toBe(90_000);
		expect(parseDuration('30m')).toBe(1_800_000);
		expect(parseDuration('1.5h')).toBe(5_400_000);
		expect(parseDuration('thirty minutes')).toBeNaN();
		expect(parseDuration('30 m')).toBeNaN();
	});
});
