/** backup.*: thin procedures over server/services/backup.ts. */
import { restoreBackupInput } from "../../schemas/backup";
import { exportBackup, restoreBackup } from "../../services/backup";
import { publicProcedure, router } from "../init";

export const backupRouter = router({
  export: publicProcedure.query(({ ctx }) => exportBackup(ctx.db, ctx.ownerId)),
  restore: publicProcedure
    .input(restoreBackupInput)
    .mutation(({ ctx, input }) => restoreBackup(ctx.db, ctx.ownerId, input.file)),
});
