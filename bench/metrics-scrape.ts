/** What a server reports about itself at one moment, from its Prometheus `/metrics`. */
export interface ServerSample {
	rssBytes: number;
	heapUsedBytes: number;
	/** p99 since the previous scrape (prom-client resets its histogram at each one). */
	eventLoopDelayP99Ms: number;
	roomsInMemory: number;
	documentConnections: number;
	connectedPeople: number;
}

/**
 * prom-client's event-loop histogram samples every 10 ms (its default) and counts that interval
 * in every value; what is left after taking it off is real delay, as the harness's own figures.
 */
const LAG_RESOLUTION_MS = 10;

/** The value of an unlabelled sample in a Prometheus text exposition; NaN when absent. */
export function metricValue(exposition: string, name: string): number {
	for (const line of exposition.split('\n')) {
		const [metric, value] = line.split(' ');
		if (metric === name && value !== undefined) return Number(value);
	}
	return Number.NaN;
}

/** Reads memory, event-loop delay and the room gauges from `<baseUrl>/metrics`. */
export async function scrapeServer(baseUrl: string): Promise<ServerSample> {
	const response = await fetch(`${baseUrl}/metrics`);
	if (!response.ok) throw new Error(`/metrics answered ${response.status}`);
	const text = await response.text();
	const value = (name: string) => metricValue(text, name);
	return {
		rssBytes: value('process_resident_memory_bytes'),
		heapUsedBytes: value('nodejs_heap_size_used_bytes'),
		eventLoopDelayP99Ms: Math.max(
			0,
			value('nodejs_eventloop_lag_p99_seconds') * 1000 - LAG_RESOLUTION_MS
		),
		roomsInMemory: value('practice_room_rooms_in_memory'),
		documentConnections: value('practice_room_document_connections'),
		connectedPeople: value('practice_room_connected_people')
	};
}
