import type { Metadata } from "next";
import { serverCaller } from "@/app/_trpc/server";
import { BackupPanel } from "./backup-panel";
import { ProfileForm } from "./profile-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const current = await serverCaller().profile.get();
  return (
    <>
      <h1>Your profile</h1>
      <p className="lede">
        How much vitamin B12 is recommended depends on your age, on pregnancy or breastfeeding, and
        on which national or international standard you follow. Your plans are checked against the
        target this gives.
      </p>
      <ProfileForm initial={current} />
      <BackupPanel />
    </>
  );
}
