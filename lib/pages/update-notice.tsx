// The update notice on a page (popup or side panel), above the page's own content, shown while an update waits for
// the session to end. The popup loads it after its form is ready, so it weighs nothing before.
import { render } from 'preact';
import { UpdateNotice } from '@/components/common/UpdateNotice';
import { ask } from '@/lib/messaging/ask';
import { type PendingUpdate, pendingUpdateItem } from '@/lib/platform/storage/items';

export function showUpdateNotice(): void {
  let container: HTMLElement | undefined;
  const show = (pending: PendingUpdate | null) => {
    if (!pending && !container) return;
    container ??= document.body.insertBefore(document.createElement('div'), document.body.firstChild);
    render(pending && <UpdateNotice version={pending.version} onInstall={() => void ask('installUpdate', {})} />, container);
  };
  pendingUpdateItem.get().then(show);
  pendingUpdateItem.watch(show);
}
