/**
 * A stand-in for `tldts` in the app's build (vite.config.ts aliases the package to this file).
 * tldts carries the whole public-suffix list, 90 KiB gzip, half of the embedded backend's JS,
 * and nothing uses it but tough-cookie inside MSW's cookie store, which keeps the cookies that
 * mocked responses set. The embedded backend sets no cookies (the session token travels in the
 * Authorization header), so that store only ever asks for a host's registrable domain to match
 * cookies that do not exist. Approximation, enough for that: the host's last two labels; an IP
 * address or a one-label host (localhost) has none.
 */
export function getDomain(hostname: string): string | null {
  const host = hostname.replace(/\.$/, '').toLowerCase();
  if (host.includes(':') || /^[\d.]+$/.test(host)) return null;
  const labels = host.split('.').filter((label) => label !== '');
  return labels.length < 2 ? null : labels.slice(-2).join('.');
}
