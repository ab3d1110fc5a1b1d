/**
 * Backup journey: download a backup from the profile page, change something, restore the
 * file through the page, and see the change undone.
 */
import { readFileSync } from "node:fs";
import { assert, callMutation, type Journey, open, screenshot, VIEWPORTS } from "./harness";

export const backupJourneys: Journey[] = [
  {
    name: "profile → download a backup → add a plan → restore the backup → the plan is gone",
    run: async ({ browser, baseUrl }) => {
      await callMutation(baseUrl, "plans.create", { name: "Backed-up plan", dayCount: 3 });
      const page = await browser.newPage({ viewport: VIEWPORTS.desktop, acceptDownloads: true });
      await open(page, `${baseUrl}/profile`);
      const panel = page.getByRole("region", { name: "Your data: back up or restore" });
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        panel.getByRole("button", { name: "Download a backup" }).click(),
      ]);
      assert(
        /^b12-planner-backup-\d{4}-\d{2}-\d{2}\.json$/.test(download.suggestedFilename()),
        `backup file name: ${download.suggestedFilename()}`,
      );
      const savedPath = await download.path();
      const backup = JSON.parse(readFileSync(savedPath, "utf8")) as {
        format: string;
        plans: { file: { plan: { name: string } } }[];
      };
      assert(backup.format === "b12-planner-backup", "not a backup file");
      assert(
        backup.plans.some((plan) => plan.file.plan.name === "Backed-up plan"),
        "the backup lacks the plan",
      );

      await callMutation(baseUrl, "plans.create", { name: "Made after the backup", dayCount: 2 });
      await panel.getByLabel("Restore from a backup file").setInputFiles(savedPath);
      await panel.getByText(/replaces everything you have here/).waitFor();
      await screenshot(page, "backup-confirm-desktop");
      await page.setViewportSize(VIEWPORTS.phone);
      await screenshot(page, "backup-confirm-phone");
      await page.setViewportSize(VIEWPORTS.desktop);
      await panel.getByRole("button", { name: "Replace my data with this backup" }).click();
      await panel.getByText(/^Restored: /).waitFor();

      await open(page, `${baseUrl}/plans`);
      await page.getByRole("link", { name: "Backed-up plan" }).first().waitFor();
      assert(
        (await page.getByRole("link", { name: "Made after the backup" }).count()) === 0,
        "the plan made after the backup survived the restore",
      );
      await page.close();
    },
  },
];
