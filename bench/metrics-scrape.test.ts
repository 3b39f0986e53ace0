import { describe, expect, test } from 'vitest';
import { metricValue } from './metrics-scrape';

describe('reading a Prometheus exposition', () => {
	const exposition = [
		'# HELP process_resident_memory_bytes Resident memory size in bytes.',
		'# TYPE process_resident_memory_bytes gauge',
		'process_resident_memory_bytes 118542336',
		'nodejs_eventloop_lag_p99_seconds 0.030539775',
		'nodejs_eventloop_lag_p99_seconds_total 7',
		'practice_room_errors_total{kind="http"} 0'
	].join('\n');

	test('an unlabelled sample is read by its exact name', () => {
		expect(metricValue(exposition, 'process_resident_memory_bytes')).toBe(118542336);
		expect(metricValue(exposition, 'nodejs_eventloop_lag_p99_seconds')).toBe(0.030539775);
	});

	test('a missing metric, or a labelled one, reads NaN', () => {
		expect(metricValue(exposition, 'practice_room_rooms_in_memory')).toBeNaN();
		expect(metricValue(exposition, 'practice_room_errors_total')).toBeNaN();
	});
});
