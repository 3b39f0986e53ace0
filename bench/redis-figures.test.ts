import { expect, test } from 'vitest';
import { parseRedisInfo, redisPerUpdate } from './redis-figures';
import { sumCounts } from './servers/redis-commands';

const info = (
	evalsha: number,
	xadd: number,
	infoCalls: number,
	bytesIn: number,
	bytesOut: number,
	cpuSeconds = 1
) =>
	[
		'# Commandstats',
		`cmdstat_evalsha:calls=${evalsha},usec=10,usec_per_call=1.00,rejected_calls=0,failed_calls=0`,
		`cmdstat_xadd:calls=${xadd},usec=10,usec_per_call=1.00,rejected_calls=0,failed_calls=0`,
		`cmdstat_info:calls=${infoCalls},usec=10,usec_per_call=1.00,rejected_calls=0,failed_calls=0`,
		'',
		'# Stats',
		'total_connections_received:3',
		`total_net_input_bytes:${bytesIn}`,
		`total_net_output_bytes:${bytesOut}`,
		'',
		'# CPU',
		`used_cpu_sys:${(cpuSeconds / 4).toFixed(6)}`,
		`used_cpu_user:${((cpuSeconds * 3) / 4).toFixed(6)}`
	].join('\r\n');

test('reads commands by name and bytes from INFO, leaving out the harness’s own INFO calls', () => {
	const counters = parseRedisInfo(info(4, 4, 9, 100, 200));
	expect(counters.ran).toEqual({ evalsha: 4, xadd: 4 });
	expect(counters.bytesIn).toBe(100);
	expect(counters.bytesOut).toBe(200);
	expect(counters.cpuMicros).toBe(1e6);
});

test('per update: what Redis ran (inside scripts too), what the servers sent, and bytes less the first reading’s answer', () => {
	const before = parseRedisInfo(info(10, 10, 1, 1_000, 5_000));
	const after = parseRedisInfo(info(30, 30, 2, 3_000, 9_000 + before.answerBytes, 1.002));
	const figures = redisPerUpdate(
		{ redis: before, sent: { evalsha: 10, publish: 5 } },
		{
			redis: after,
			sent: sumCounts([
				{ evalsha: 20, publish: 5 },
				{ evalsha: 10, publish: 5 }
			])
		},
		20
	);
	expect(figures.ranByName).toEqual({ evalsha: 1, xadd: 1 });
	expect(figures.commands).toBe(2);
	expect(figures.sentByName).toEqual({ evalsha: 1, publish: 0.25 });
	expect(figures.sent).toBe(1.25);
	expect(figures.bytesIn).toBe(100);
	expect(figures.bytesOut).toBe(200);
	expect(figures.cpuMicros).toBeCloseTo(100);
});
