import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ServiceWorkerRegistration } from "./_components/service-worker-registration";
import { SiteNav } from "./_components/site-nav";
import { TrpcReactProvider } from "./_trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "B12 Planner", template: "%s · B12 Planner" },
  description:
    "Plan meals from the USDA food database and check each day's vitamin B12 against the amount recommended for you.",
  manifest: "/manifest.webmanifest",
  icons: { apple: "/icons/apple-touch-icon.png" },
  appleWebApp: { capable: true, title: "B12 Planner", statusBarStyle: "default" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#08403d" };

/**
 * Every page renders per request: the Content Security Policy (proxy.ts) gives each
 * response a fresh nonce, which Next.js puts on its scripts only when rendering.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header-inner">
            {/* Not prefetched, like the navigation links (site-nav.tsx): a prefetch of the
                home page is a full server render and client work during every page load. */}
            <Link className="brand" href="/" prefetch={false}>
              B12 Planner
            </Link>
            <SiteNav />
          </div>
        </header>
        <ServiceWorkerRegistration />
        <TrpcReactProvider>
          <main id="main">{children}</main>
        </TrpcReactProvider>
        <footer className="site-footer">
          <div className="site-footer-inner">
            Food data: USDA National Nutrient Database for Standard Reference, Release 28 (public
            domain). Information here is not medical advice; talk to a healthcare professional about
            your own needs.
          </div>
        </footer>
      </body>
    </html>
  );
}
