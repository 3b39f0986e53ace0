import { create } from 'qrcode';
import { describe, expect, test } from 'vitest';
import { darkRuns, qrSymbol, type ModuleMatrix, type QrSymbol } from './qr';

const ROOM_URL = 'https://practice.example.org/r/quiet-otter-42';

/** A matrix from rows of '#' (dark) and '.' (light). */
function matrixOf(rows: string[]): ModuleMatrix {
	return { size: rows.length, get: (row, col) => (rows[row]?.[col] === '#' ? 1 : 0) };
}

/** The symbol's modules as rows of booleans, drawn back from its runs. */
function drawn(symbol: QrSymbol): boolean[][] {
	const grid = Array.from({ length: symbol.size }, () => Array<boolean>(symbol.size).fill(false));
	for (const run of symbol.runs) {
		for (let x = run.x; x < run.x + run.width; x++) {
			const row = grid[run.y];
			if (row) row[x] = true;
		}
	}
	return grid;
}

/** Whether a finder pattern (7×7: dark ring, light ring, dark 3×3 centre) has its top left here. */
function hasFinderAt(grid: boolean[][], top: number, left: number): boolean {
	for (let row = 0; row < 7; row++) {
		for (let col = 0; col < 7; col++) {
			const ring = Math.max(Math.abs(row - 3), Math.abs(col - 3));
			const dark = ring !== 2;
			if (grid[top + row]?.[left + col] !== dark) return false;
		}
	}
	return true;
}

describe('darkRuns', () => {
	test('merges dark neighbours in a row into one run and skips light modules', () => {
		const matrix = matrixOf(['##.#', '....', '.###', '#..#']);
		expect(darkRuns(matrix)).toEqual([
			{ x: 0, y: 0, width: 2 },
			{ x: 3, y: 0, width: 1 },
			{ x: 1, y: 2, width: 3 },
			{ x: 0, y: 3, width: 1 },
			{ x: 3, y: 3, width: 1 }
		]);
	});

	test('an all-light matrix has no runs', () => {
		expect(darkRuns(matrixOf(['...', '...', '...']))).toEqual([]);
	});
});

describe('qrSymbol', () => {
	test('has the size of the library’s symbol at error correction level M', () => {
		const expected = create(ROOM_URL, { errorCorrectionLevel: 'M' }).modules.size;
		expect(qrSymbol(ROOM_URL).size).toBe(expected);
		// Every QR version is 17 + 4 × version modules wide.
		expect((expected - 17) % 4).toBe(0);
	});

	test('draws exactly the library’s dark modules', () => {
		const { modules } = create(ROOM_URL, { errorCorrectionLevel: 'M' });
		const grid = drawn(qrSymbol(ROOM_URL));
		for (let row = 0; row < modules.size; row++) {
			for (let col = 0; col < modules.size; col++) {
				expect(grid[row]?.[col], `module ${row},${col}`).toBe(modules.get(row, col) === 1);
			}
		}
	});

	test('a room link is a square with finder patterns in three corners, not the fourth', () => {
		const symbol = qrSymbol(ROOM_URL);
		const grid = drawn(symbol);
		const far = symbol.size - 7;
		expect(grid).toHaveLength(symbol.size);
		expect(grid.every((row) => row.length === symbol.size)).toBe(true);
		expect(hasFinderAt(grid, 0, 0)).toBe(true);
		expect(hasFinderAt(grid, 0, far)).toBe(true);
		expect(hasFinderAt(grid, far, 0)).toBe(true);
		expect(hasFinderAt(grid, far, far)).toBe(false);
	});
});
