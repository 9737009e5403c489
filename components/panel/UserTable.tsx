import type { MfaUser } from '@/lib/model/capillary/schemas';
import { t } from '@/lib/words/t';
import { explainUser } from '@/lib/words/user-fields';
import { ClaimTable } from './ClaimTable';

type Props = { user: MfaUser; now: number; showPersonal: boolean; screenShare: boolean };

/** The `user` object of the validate reply, field by field. */
export function UserTable({ user, now, showPersonal, screenShare }: Props) {
  return <ClaimTable caption={t('userCaption')} claims={explainUser(user, { showPersonal, screenShare })} now={now} nameHeading="Field" />;
}
