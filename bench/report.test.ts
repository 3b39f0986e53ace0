import { expect, test } from 'vitest';
import { crossInstanceTable, type ScalingPoint } from './report';

const point = (server: string, rooms: number, p99: number): ScalingPoint => ({
	server,
	rooms,
	latency: { count: 100, p50: p99 / 2, p95: p99, p99, max: p99 },
	dropped: 0,
	duplicated: 0,
	cpuPercent: 10,
	cpuMicrosPerUpdate: 50,
	rssMiB: 100,
	eventLoopDelayP99Ms: 1
});

test('the two-instance targets: at most 3× our one instance, and Hocuspocus at least 3× ours', () => {
	const table = crossInstanceTable(
		[
			point('one', 10, 2),
			point('two', 10, 5),
			point('theirs', 10, 20),
			point('one', 100, 2),
			point('two', 100, 10),
			point('theirs', 100, 20)
		],
		{ single: 'one', ours: 'two', theirs: 'theirs' }
	);
	const [, , at10, at100] = table.split('\n');
	expect(at10).toMatch(/2\.5× met\s+4× met/);
	expect(at100).toMatch(/5× NOT met\s+2× NOT met/);
});
