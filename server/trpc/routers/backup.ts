/** backup.*: thin procedures over server/services/backup-export.ts and backup.ts (restore). */
import { restoreBackupInput } from "../../schemas/backup";
import { restoreBackup } from "../../services/backup";
import { exportBackup } from "../../services/backup-export";
import { protectedProcedure, router } from "../init";

export const backupRouter = router({
  export: protectedProcedure.query(({ ctx }) => exportBackup(ctx.db, ctx.ownerId, ctx)),
  restore: protectedProcedure
    .input(restoreBackupInput)
    .mutation(({ ctx, input }) => restoreBackup(ctx.db, ctx.ownerId, input.file, ctx)),
});
