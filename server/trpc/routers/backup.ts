/** backup.*: thin procedures over server/services/backup.ts. */
import { restoreBackupInput } from "../../schemas/backup";
import { exportBackup, restoreBackup } from "../../services/backup";
import { protectedProcedure, router } from "../init";

export const backupRouter = router({
  export: protectedProcedure.query(({ ctx }) => exportBackup(ctx.db, ctx.ownerId, ctx)),
  restore: protectedProcedure
    .input(restoreBackupInput)
    .mutation(({ ctx, input }) => restoreBackup(ctx.db, ctx.ownerId, input.file, ctx)),
});
