// Compiles messages/ into src/lib/paraglide/ (git-ignored) outside Vite's dev server and build:
// for svelte-check and the type-checks (`npm run check`), and once before vitest runs (its
// globalSetup, tests/support/compile-messages.ts).
import { compile } from '@inlang/paraglide-js';
import { paraglideOptions } from './paraglide-options.js';

await compile(paraglideOptions);
// The compiler's project loader leaves handles open for about 30 s after it is done.
process.exit(0);
