import { z } from 'zod';

/**
 * Zod compiles object parsers with `new Function` unless told not to, and probes whether it
 * may by calling it once. Under the app's Content-Security-Policy (`script-src 'self'`, no
 * 'unsafe-eval') that probe is refused and reported as a violation, so zod runs without its
 * compiler. This must run before the first `z.object(...)` is created: main.tsx imports
 * this module first.
 */
z.config({ jitless: true });
