import { z } from 'zod';

// zod probes `new Function` to compile fast parsers; the CSP forbids eval, and the browser
// reports even a caught probe as a violation. Parsing without it is fast enough for our messages.
z.config({ jitless: true });
