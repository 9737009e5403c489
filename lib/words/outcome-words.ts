// How an action is named on screen (the shapes are in lib/model/desk/outcome.ts, which the popup loads before it is
// ready; these names are needed only once there is an outcome).

import type { Action } from '@/lib/model/desk/outcome';
import { t } from './t';

/** Each action as the agent knows it: the button's name, what shows while it runs, and what shows when it worked. */
export function actionWords(action: Action): { name: string; busy: string; done: string } {
  return { name: t(action), busy: t(`${action}Busy`), done: t(`${action}Done`) };
}
