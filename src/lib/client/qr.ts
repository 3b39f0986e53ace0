import { create } from 'qrcode';

/** Light modules the QR standard asks for around a symbol, so scanners find its edges. */
export const QUIET_ZONE = 4;

/** Dark modules side by side in one row, drawn as one rectangle. */
export interface ModuleRun {
	/** Column of the first module. */
	x: number;
	/** Row. */
	y: number;
	/** Modules in the run. */
	width: number;
}

/** A square grid of modules, 1 for dark: qrcode's `BitMatrix` is one. */
export interface ModuleMatrix {
	size: number;
	get(row: number, col: number): number;
}

/** A QR symbol ready to draw: its size in modules (without the quiet zone) and its dark runs. */
export interface QrSymbol {
	size: number;
	runs: ModuleRun[];
}

/**
 * The dark modules of a matrix, row by row, each row's neighbours merged into runs: a few
 * hundred rectangles for a room link instead of one per module.
 */
export function darkRuns(matrix: ModuleMatrix): ModuleRun[] {
	const runs: ModuleRun[] = [];
	for (let y = 0; y < matrix.size; y++) {
		let x = 0;
		while (x < matrix.size) {
			if (!matrix.get(y, x)) {
				x++;
				continue;
			}
			const start = x;
			while (x < matrix.size && matrix.get(y, x)) x++;
			runs.push({ x: start, y, width: x - start });
		}
	}
	return runs;
}

/**
 * The QR symbol of `text`, at error correction level M: it still scans with 15% of it unreadable,
 * which is plenty for a screen and keeps the symbol small enough to read from the back of a room.
 */
export function qrSymbol(text: string): QrSymbol {
	const { modules } = create(text, { errorCorrectionLevel: 'M' });
	return { size: modules.size, runs: darkRuns(modules) };
}
