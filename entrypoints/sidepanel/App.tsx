import { useEffect, useState } from 'preact/hooks';
import { CustomerTabs } from '@/components/common/CustomerTabs';
import { OutcomeMessage } from '@/components/common/OutcomeMessage';
import { TargetBand } from '@/components/common/TargetBand';
import { useNow } from '@/components/common/useNow';
import { CopyNote } from '@/components/panel/CopyNote';
import { Fold, type FoldId, OPEN_BY_DEFAULT } from '@/components/panel/Fold';
import { HistoryTable } from '@/components/panel/HistoryTable';
import { JwtPaste } from '@/components/panel/JwtPaste';
import { PanelHeader } from '@/components/panel/PanelHeader';
import { SessionCard } from '@/components/panel/SessionCard';
import { SummaryCard } from '@/components/panel/SummaryCard';
import { TokenActions } from '@/components/panel/TokenActions';
import { TokenSection } from '@/components/panel/TokenSection';
import { UserTable } from '@/components/panel/UserTable';
import type { MessageType, Rejection, ReplyOf, RequestOf } from '@/lib/messaging/protocol';
import { type Copied, type CopyStart, TELL_CLEARING_MS } from '@/lib/model/clipboard';
import { customerLabel } from '@/lib/model/desk/customer-label';
import { viewCustomer } from '@/lib/model/desk/customer-view';
import { slotOf } from '@/lib/model/desk/desk-keys';
import { historyToCsv } from '@/lib/model/desk/history-csv';
import type { Outcome } from '@/lib/model/desk/outcome';
import { freshMenuNotice } from '@/lib/model/desk/popup-snapshot';
import type { HistoryEntry } from '@/lib/model/desk/session';
import type { CustomerRecord, Draft } from '@/lib/model/desk/stored';
import { decodeJwt } from '@/lib/model/jwt/decode';
import { findMismatches } from '@/lib/model/jwt/mismatch';
import type { Settings } from '@/lib/model/settings/settings';
import type { MenuNotice } from '@/lib/platform/storage/items';
import { menuNoticeText } from '@/lib/words/menu-notice';
import { t } from '@/lib/words/t';

export interface PanelState {
  settings: Settings;
  /** Stored settings had invalid fields, reset to their defaults: told once. */
  settingsNotice?: string | null;
  /** The desk's customers, in the order of their places, and each one's form by place. */
  customers: CustomerRecord[];
  forms: Record<number, Draft>;
  /** The customer shown (chosen here or in the popup). */
  selected: string;
  /** Why "Use as customer in MFA Desk" made no customer. */
  menuNotice: MenuNotice | null;
  history: HistoryEntry[];
  screenShare: boolean;
  /** Which folds the agent opened or closed (the rest as OPEN_BY_DEFAULT says). */
  folds: Partial<Record<FoldId, boolean>>;
  /** Text sent with "Decode JWT in MFA Desk". */
  pendingJwt: { text: string; at: number } | null;
  /** The last Copy of the token, and how the background's clearing of it went. */
  copied: Copied | null;
}

/** What the panel needs from the extension; main.tsx wires it to storage, the background and the clipboard. */
export interface PanelClient {
  watch(callback: (change: Partial<PanelState>) => void): () => void;
  ask<T extends MessageType>(type: T, request: RequestOf<T>): Promise<ReplyOf<T> | Rejection>;
  /** Copies the token, and has the background clear the clipboard 60 s later if it still holds it. */
  copy(text: string): Promise<CopyStart>;
  setScreenShare(on: boolean): void;
  select(customerId: string): void;
  /** Puts the ticket's note on the clipboard. */
  copyNote(text: string): Promise<boolean>;
  setFolds(folds: Partial<Record<FoldId, boolean>>): void;
  download(filename: string, text: string): void;
}

type Props = { initial: PanelState; client: PanelClient };

const MISMATCH_FIELD = { identifier: 'mismatchIdentifier', deviceId: 'mismatchDeviceId', brand: 'mismatchBrand' } as const;

export function App({ initial, client }: Props) {
  const [state, setState] = useState(initial);
  const [pasted, setPasted] = useState(initial.pendingJwt?.text ?? '');
  const [personalAsked, setShowPersonal] = useState(false);
  // End session from here: said where the token was, until another token arrives.
  const [ended, setEnded] = useState<{ id: string; outcome: Outcome } | null>(null);
  const now = useNow(true);

  useEffect(
    () =>
      client.watch((change) => {
        setState((current) => ({ ...current, ...change }));
        if (change.pendingJwt) setPasted(change.pendingJwt.text);
      }),
    [client],
  );

  const { customers, history, screenShare } = state;
  const record = customers.find((candidate) => candidate.id === state.selected) ?? customers[0];
  const { auth, session } = record;
  const draft = state.forms[slotOf(record.id)] ?? null;
  const views = customers.map(viewCustomer);
  const view = views.find((candidate) => candidate.id === record.id) ?? views[0];
  const labels = Object.fromEntries(views.map((view) => [view.id, customerLabel(view, state.forms[slotOf(view.id)])]));
  const menuNotice = freshMenuNotice(state.menuNotice, now);
  // A new token (another validate) replaces the "Session ended" line; the same token's record changing does not.
  useEffect(() => {
    if (auth) setEnded(null);
  }, [auth?.token]);
  // Screen-share mode wins over "Show personal data" while it is on.
  const showPersonal = personalAsked && !screenShare;
  const token = auth ? decodeJwt(auth.token) : null;
  const mismatches = token?.ok && draft ? findMismatches(token.header, draft) : [];
  const fold = (id: FoldId) => ({ id, open: state.folds[id] ?? OPEN_BY_DEFAULT[id], onToggle: toggle });
  function toggle(id: FoldId, open: boolean) {
    const folds = { ...state.folds, [id]: open };
    setState((current) => ({ ...current, folds }));
    client.setFolds(folds);
  }
  const copied = state.copied && now - state.copied.copiedAt < TELL_CLEARING_MS ? state.copied.state : null;
  const customer = view.subject && `${view.subject.identifierType} ${view.subject.maskedIdentifier}`;

  return (
    <main class="panel">
      <PanelHeader
        screenShare={screenShare}
        onScreenShare={client.setScreenShare}
        showPersonal={showPersonal}
        onShowPersonal={setShowPersonal}
      />
      <TargetBand settings={state.settings} brand={draft?.brand ?? state.settings.brand} />
      {initial.settingsNotice && (
        <p role="alert" class="outcome error">
          {initial.settingsNotice}
        </p>
      )}

      <CustomerTabs customers={views} labels={labels} selected={record.id} now={now} onSelect={client.select} />
      {menuNotice && (
        <p role="alert" class="outcome error">
          {menuNoticeText(menuNotice)}
        </p>
      )}

      <SummaryCard session={session} auth={auth} token={token} customer={customer} view={view} now={now} />
      <CopyNote key={record.id} customer={view} form={draft ?? undefined} copy={client.copyNote} />

      {mismatches.length > 0 && (
        <div role="alert" class="warning">
          <strong>{t('tokenNotForCustomer')}</strong>
          <ul>
            {mismatches.map((mismatch) => (
              <li key={mismatch.field}>{t('mismatchLine', t(MISMATCH_FIELD[mismatch.field]), mismatch.token, mismatch.form)}</li>
            ))}
          </ul>
        </div>
      )}

      <Fold title={t('foldSession')} {...fold('session')}>
        <SessionCard session={session} now={now} hide={screenShare} />
      </Fold>

      {auth ? (
        <>
          <Fold title={t('foldToken')} {...fold('token')}>
            <TokenSection
              which="token"
              value={auth.token}
              now={now}
              showPersonal={showPersonal}
              hide={screenShare}
              copy={{ onCopy: client.copy, clearing: copied }}
            >
              <TokenActions
                now={now}
                onAction={async (action) => {
                  const answer = await client.ask(action, { customerId: record.id });
                  if (action === 'endSession' && !('rejected' in answer) && answer.result.ok) setEnded({ id: record.id, outcome: answer });
                  return answer;
                }}
                onStartOver={async () => {
                  await client.ask('startOver', { customerId: record.id });
                }}
              />
            </TokenSection>
          </Fold>
          <Fold title={t('foldKey')} {...fold('key')}>
            <TokenSection which="key" value={auth.key} now={now} showPersonal={showPersonal} hide={screenShare} />
          </Fold>
          <Fold title={t('foldUser')} {...fold('user')}>
            <UserTable user={auth.user} now={now} showPersonal={showPersonal} screenShare={screenShare} />
          </Fold>
          <p class="note">{t('notVerifiedNote')}</p>
        </>
      ) : ended?.id === record.id ? (
        <OutcomeMessage view={{ state: 'done', outcome: ended.outcome }} now={now} onStartOver={() => undefined} />
      ) : (
        <p class="muted">{t('noTokenYet')}</p>
      )}

      <Fold title={t('foldDecode')} {...fold('decode')}>
        <JwtPaste text={pasted} onInput={setPasted} now={now} showPersonal={showPersonal} hide={screenShare} />
      </Fold>

      <Fold title={t('foldHistory')} {...fold('history')}>
        <HistoryTable
          entries={history}
          onExport={() => client.download(`mfa-desk-history-${new Date(now).toISOString().slice(0, 10)}.csv`, historyToCsv(history))}
          onClear={() => void client.ask('clearHistory', {})}
        />
      </Fold>
    </main>
  );
}
