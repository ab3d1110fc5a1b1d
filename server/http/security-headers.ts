/**
 * The security headers every response carries (proxy.ts sets them; next.config.ts sets
 * the ones without a nonce on anything the proxy does not see). Pure: tested in
 * tests/unit/request-guard.test.ts and over HTTP in tests/e2e/security.journeys.ts.
 */

/**
 * The Content Security Policy of one response. Scripts run only with this response's
 * nonce (Next.js puts it on its own scripts; 'strict-dynamic' lets those load the code
 * chunks), never eval outside development. Styles may be inline: React inserts <style>
 * elements without a nonce when it hoists a component's styles, and the charts and
 * progress bars set widths in style attributes; styles cannot run code, and every
 * request and image stays on this origin. The service worker and the web app manifest
 * may come from this origin. No page may frame the app.
 */
export function contentSecurityPolicy(nonce: string, development = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers every response gets, whatever it is (page, route, file, error). */
export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
  // Only features Chromium knows: it logs an error for any other ("bluetooth" was one;
  // the journeys fail on such a message, tests/e2e/harness.ts).
  "Permissions-Policy":
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** A fresh nonce: 16 random bytes, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
