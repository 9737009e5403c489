// How an action and an outcome are named on screen and filed in the session view and history (the shapes are in
// outcome.ts, which the popup loads before it is ready; these names are needed only once there is an outcome).

import type { Action, Outcome } from '@/lib/model/desk/outcome';
import { t } from './t';

/** Each action as the agent knows it: the button's name, what shows while it runs, and what shows when it worked. */
export function actionWords(action: Action): { name: string; busy: string; done: string } {
  return { name: t(action), busy: t(`${action}Busy`), done: t(`${action}Done`) };
}

/** The short code an outcome is filed under in the session view and history: Capillary's code, or what failed. */
export function outcomeCode(result: Outcome['result']): string {
  if (result.ok) return 'OK';
  const { error } = result;
  switch (error.kind) {
    case 'capillary':
      return String(error.code);
    case 'http':
      return `HTTP ${error.httpStatus}`;
    case 'rate-limited':
      return 'HTTP 429';
    case 'bad-response':
      return 'bad reply';
    default:
      return error.kind;
  }
}
