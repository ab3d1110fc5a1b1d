/** The app router: every procedure the API offers. */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createCallerFactory, router } from "./init";
import { backupRouter } from "./routers/backup";
import { foodsRouter } from "./routers/foods";
import { householdsRouter } from "./routers/households";
import { peopleRouter } from "./routers/people";
import { plansRouter } from "./routers/plans";
import { profileRouter } from "./routers/profile";
import { recipesRouter } from "./routers/recipes";
import { shoppingRouter } from "./routers/shopping";

export const appRouter = router({
  foods: foodsRouter,
  profile: profileRouter,
  plans: plansRouter,
  shopping: shoppingRouter,
  backup: backupRouter,
  households: householdsRouter,
  people: peopleRouter,
  recipes: recipesRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Server-side caller: tests and server components call procedures without HTTP. */
export const createCaller = createCallerFactory(appRouter);
