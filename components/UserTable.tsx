import type { MfaUser } from '@/lib/capillary/schemas';
import { explainUser } from '@/lib/capillary/user-fields';
import { t } from '@/lib/i18n/t';
import { ClaimTable } from './ClaimTable';

type Props = { user: MfaUser; now: number; showPersonal: boolean; screenShare: boolean };

/** The `user` object of the validate reply, field by field. */
export function UserTable({ user, now, showPersonal, screenShare }: Props) {
  return <ClaimTable caption={t('userCaption')} claims={explainUser(user, { showPersonal, screenShare })} now={now} nameHeading="Field" />;
}
