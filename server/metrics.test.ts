import { expect, test } from 'vitest';
import { Metrics } from './metrics';

/** The value of one sample in Prometheus text, e.g. `practice_room_errors_total{kind="http"}`. */
async function sample(metrics: Metrics, name: string): Promise<number | undefined> {
	const line = (await metrics.scrape()).split('\n').find((l) => l.startsWith(`${name} `));
	return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

test('a gauge reads its count at each scrape, and 0 before anything is measured', async () => {
	const metrics = new Metrics();
	expect(await sample(metrics, 'practice_room_rooms_in_memory')).toBe(0);
	let rooms = 3;
	metrics.measure('roomsInMemory', () => rooms);
	expect(await sample(metrics, 'practice_room_rooms_in_memory')).toBe(3);
	rooms = 1;
	expect(await sample(metrics, 'practice_room_rooms_in_memory')).toBe(1);
});

test('every kind of error, refusal and relay is listed at 0, then counted', async () => {
	const metrics = new Metrics();
	expect(await sample(metrics, 'practice_room_errors_total{kind="storage"}')).toBe(0);
	expect(await sample(metrics, 'practice_room_refused_writes_total{reason="control"}')).toBe(0);
	metrics.error('storage');
	metrics.error('storage');
	metrics.refusedWrite('control', 3);
	metrics.updateRelayed('document');
	expect(await sample(metrics, 'practice_room_errors_total{kind="storage"}')).toBe(2);
	expect(await sample(metrics, 'practice_room_errors_total{kind="http"}')).toBe(0);
	expect(await sample(metrics, 'practice_room_refused_writes_total{reason="control"}')).toBe(3);
	expect(await sample(metrics, 'practice_room_updates_relayed_total{type="document"}')).toBe(1);
});

test('relayed changes are counted once however often the metrics are read', async () => {
	const metrics = new Metrics();
	const relayed = 'practice_room_updates_relayed_total{type="awareness"}';
	metrics.updateRelayed('awareness');
	expect(await sample(metrics, relayed)).toBe(1);
	expect(await sample(metrics, relayed)).toBe(1);
	metrics.updateRelayed('awareness');
	metrics.updateRelayed('awareness');
	expect(await sample(metrics, relayed)).toBe(3);
});

test('two servers in one process count separately', async () => {
	const first = new Metrics();
	const second = new Metrics();
	first.error('http');
	expect(await sample(first, 'practice_room_errors_total{kind="http"}')).toBe(1);
	expect(await sample(second, 'practice_room_errors_total{kind="http"}')).toBe(0);
});

test('the event-loop delay and the process memory are included', async () => {
	const text = await new Metrics().scrape();
	expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
	expect(text).toMatch(/^process_resident_memory_bytes \d/m);
});
