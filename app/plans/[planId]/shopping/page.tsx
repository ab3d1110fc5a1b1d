import type { Metadata } from "next";
import { callOrNotFound, serverCaller } from "@/app/_trpc/server";
import { ShoppingList } from "./shopping-list";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ planId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { planId } = await params;
  const list = await callOrNotFound(() => serverCaller().shopping.list({ planId }));
  return { title: `Shopping list: ${list.plan.name}` };
}

export default async function ShoppingPage({ params }: Props) {
  const { planId } = await params;
  const list = await callOrNotFound(() => serverCaller().shopping.list({ planId }));
  return <ShoppingList initialList={list} />;
}
