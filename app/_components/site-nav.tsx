"use client";
/** Main navigation; marks the current section for screen readers and sighted users. */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect } from "react";

const LINKS = [
  { href: "/", label: "Home" },
  { href: "/plans", label: "Plans" },
  { href: "/recipes", label: "Recipes" },
  { href: "/foods", label: "Foods" },
  { href: "/foods/new", label: "Add a food" },
  { href: "/profile", label: "Profile" },
  { href: "/learn", label: "Learn" },
  { href: "/household", label: "Household" },
] as const;

function isCurrent(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  if (href === "/foods")
    return pathname === "/foods" || (pathname.startsWith("/foods/") && pathname !== "/foods/new");
  if (href === "/plans") return pathname === "/plans" || pathname.startsWith("/plans/");
  if (href === "/recipes") return pathname === "/recipes" || pathname.startsWith("/recipes/");
  return pathname === href;
}

export function SiteNav() {
  const pathname = usePathname();
  // Marks the page interactive, so end-to-end tests never type into inputs React is
  // about to take over (text typed before hydration would be lost).
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link
              href={link.href}
              // Not prefetched: every page is rendered per request (CSP nonces), so a
              // prefetch is a full server render and client work for each of the eight
              // links on every page load, the largest part of the plan page's blocking
              // time at 4x CPU (bench/results.md, "Plan page"). A click fetches the page.
              prefetch={false}
              aria-current={isCurrent(pathname, link.href) ? "page" : undefined}
            >
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
