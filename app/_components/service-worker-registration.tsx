"use client";
/**
 * Registers /sw.js (public/sw.js), which keeps the app shell and every opened page,
 * shopping lists included, available offline. A client component, not an inline script,
 * so a Content Security Policy without 'unsafe-inline' allows it (worker-src 'self').
 * Production builds only: in development the cache would hide code changes.
 */
import { useEffect } from "react";

export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // No service worker (private mode, blocked): the app works online as before.
    });
  }, []);
  return null;
}
