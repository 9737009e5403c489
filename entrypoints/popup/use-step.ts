// The step on screen for the customer (one at a time), what it says about waiting, and where the keyboard goes: the
// first empty customer field when the popup opens, and Send OTP the moment its cooldown is over.
import { useEffect, useRef } from 'preact/hooks';
import { clockTime } from '@/components/common/CustomerTabs';
import { secondsLeft } from '@/components/common/useNow';
import type { ActivityView } from '@/lib/model/desk/activity-view';
import { type OtpStep, sameBrand } from '@/lib/model/desk/customer';
import type { CustomerView } from '@/lib/model/desk/customer-view';
import { stepOf } from '@/lib/model/desk/step';
import type { Draft } from '@/lib/model/desk/stored';
import { t } from '@/lib/words/t';

/** The customer's fields, in the order the agent fills them. */
const FIRST_FIELDS: [keyof Draft, string][] = [
  ['identifierValue', 'identifier-value'],
  ['deviceId', 'device-id'],
  ['brand', 'brand'],
];

/** Why a send button waits, and until when: for as long as it does. */
const waitWords = (until: number, now: number) => (secondsLeft(until, now) > 0 ? t('cooldownWhy', clockTime(until, true)) : null);

export function useStep(
  customer: CustomerView,
  draft: Draft,
  view: ActivityView,
  cooldownOf: (step: OtpStep) => number,
  now: number,
  focus: (field: string) => void,
) {
  const step = stepOf(customer, draft, view.state === 'done' ? view.outcome : null);
  const cooldownLeft = secondsLeft(cooldownOf('mfa'), now);
  const wait = waitWords(cooldownOf('mfa'), now);
  const notes = [
    ...(wait ? [wait] : []),
    ...(step !== 'start' && customer.subject && !sameBrand(customer.subject.brand, draft.brand)
      ? [t('sessionForBrand', customer.subject.brand)]
      : []),
  ];

  useEffect(() => {
    const empty = FIRST_FIELDS.find(([field]) => !String(draft[field]).trim());
    if (empty) focus(empty[1]);
  }, []);

  // Send OTP became usable again: the keyboard is there, unless the agent is typing somewhere.
  const waited = useRef(cooldownLeft > 0);
  useEffect(() => {
    if (cooldownLeft > 0) waited.current = true;
    else if (waited.current) {
      waited.current = false;
      const active = document.activeElement;
      if (!active || active === document.body || active.tagName === 'BUTTON') focus('send-otp');
    }
  }, [cooldownLeft]);

  return {
    step,
    cooldownLeft,
    notes,
    firstFactorLeft: secondsLeft(cooldownOf('firstFactor'), now),
    firstFactorNote: waitWords(cooldownOf('firstFactor'), now),
  };
}
