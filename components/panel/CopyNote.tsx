import { useState } from 'preact/hooks';
import type { CustomerView } from '@/lib/model/desk/customer-view';
import type { Draft } from '@/lib/model/desk/stored';
import { t } from '@/lib/words/t';

type Props = {
  customer: CustomerView;
  form: Draft | undefined;
  /** Puts the text on the clipboard; whether it went. */
  copy(text: string): Promise<boolean>;
};

/** Copy note: the ticket's line for the customer shown, and whether it is on the clipboard. */
export function CopyNote({ customer, form, copy }: Props) {
  const [said, setSaid] = useState<{ alert: boolean; text: string } | null>(null);
  return (
    <div class="row buttons">
      <button
        type="button"
        onClick={async () => {
          const { noteOf, noteCopied } = await import('@/lib/words/note');
          setSaid(noteCopied(await copy(noteOf(customer, form))));
        }}
      >
        {t('copyNote')}
      </button>
      {said && (
        <span role={said.alert ? 'alert' : 'status'} class={said.alert ? 'field-error' : 'muted'}>
          {said.text}
        </span>
      )}
    </div>
  );
}
