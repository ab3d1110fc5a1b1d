import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { FoodSearch } from "./food-search";

export const metadata: Metadata = { title: "Foods" };

export default function FoodsPage() {
  return (
    <>
      <h1>Foods</h1>
      <p className="lede">
        Every food of the USDA SR28 database with its vitamin B12, plus a few fortified foods SR28
        lacks and the foods you add yourself. Can’t find your brand?{" "}
        <Link href="/foods/new">Add it from its label</Link>.
      </p>
      {/* The search renders in the browser (it reads the URL); the area keeps its height
          meanwhile so the page does not jump when it appears. */}
      <div className="search-area">
        <Suspense fallback={<p className="status-line">Loading search…</p>}>
          <FoodSearch />
        </Suspense>
      </div>
    </>
  );
}
