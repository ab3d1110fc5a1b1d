/**
 * B12 Planner service worker: keeps the app shell and every page opened (each shopping
 * list included) available offline. Plain JavaScript, served as /sw.js with scope "/".
 *
 * - Pages (navigations): network first, so people always see the latest plan; each
 *   answer is kept, and served when the network is gone. Without a copy, a short
 *   offline page explains what happened.
 * - Built assets (/_next/static/…, hashed file names) and icons: cache first.
 * - Shopping list reads (GET /api/trpc/shopping.list…): network first, the last answer
 *   when offline. Every other request, and every write, goes to the network untouched:
 *   ticks made offline wait in the page's localStorage queue (offline-queue.ts) and are
 *   sent when the connection is back.
 */
const VERSION = "v1";
const PAGES = `b12-pages-${VERSION}`;
const ASSETS = `b12-assets-${VERSION}`;
const DATA = `b12-data-${VERSION}`;
const SHELL = ["/", "/manifest.webmanifest", "/icons/icon-192.png"];
const MAX_PAGES = 60;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(PAGES)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  const keep = new Set([PAGES, ASSETS, DATA]);
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((name) => !keep.has(name)).map((name) => caches.delete(name))),
      )
      .then(() => self.clients.claim()),
  );
});

async function trim(cacheName, max) {
  const cache = await caches.open(cacheName);
  const keys = await cache.keys();
  for (const request of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(request);
}

async function networkFirst(request, cacheName, fallback) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") {
      await cache.put(request, response.clone());
      if (cacheName === PAGES) await trim(PAGES, MAX_PAGES);
    }
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    if (fallback) return fallback();
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

function offlinePage() {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline · B12 Planner</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5"><h1>You are offline</h1><p>This page has not been opened on this device before, so there is no copy to show. Pages you have opened, such as your shopping lists, still work without a connection.</p><p><a href="/">Go to the start page</a></p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, PAGES, offlinePage));
    return;
  }
  if (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/")) {
    event.respondWith(cacheFirst(request));
    return;
  }
  if (url.pathname.startsWith("/api/trpc/") && url.pathname.includes("shopping.list")) {
    event.respondWith(networkFirst(request, DATA));
  }
});
