/**
 * The security headers the app is served with: by the Node server (./app.ts) and by
 * `vite preview` (what Playwright tests) with the production policy, and by the dev server
 * (`npm start`) with a looser one (vite.config.ts imports them from here). One place, so the
 * served build and the tested build send the same headers.
 */

/**
 * The Content-Security-Policy of the built app: nothing inline, everything from this
 * origin. `worker-src 'self'` lets MSW's service worker (the embedded backend) register;
 * `img-src data:` is for the two SVG icons inlined in @fkui/design's CSS. React's `style`
 * prop sets styles through the CSSOM, which `style-src 'self'` does not block.
 */
export const productionCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The dev server's policy is looser, and only there: @vitejs/plugin-react puts an inline
 * module script (the React Refresh preamble) into index.html, Vite injects CSS as <style>
 * elements, and its client talks to the dev server over a WebSocket for hot updates.
 */
export const developmentCsp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every response: the page, its files, the API's answers and the errors. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}
