// The parts of the Capillary auth contract every page needs: identifier types, the status block and the `user` of a
// validate. The replies themselves, which only the background parses, are in replies.ts; requests in requests.ts.
import * as z from 'zod/mini';

export const Status = z.looseObject({
  success: z.boolean(),
  code: z.number().check(z.int()),
  message: z.string(),
});

export const MfaUser = z.looseObject({
  appRegistered: z.boolean(),
  sessionId: z.nullable(z.string()),
  role: z.string(),
  userRegisteredForPassword: z.boolean(),
});
export type MfaUser = z.infer<typeof MfaUser>;
