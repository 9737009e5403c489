import type { MfaUser } from '@/lib/capillary/schemas';
import { explainUser } from '@/lib/capillary/user-fields';
import { ClaimTable } from './ClaimTable';

type Props = { user: MfaUser; now: number; showPersonal: boolean };

/** The `user` object of the validate reply, field by field. */
export function UserTable({ user, now, showPersonal }: Props) {
  return (
    <section aria-labelledby="user-heading">
      <h2 id="user-heading">User</h2>
      <ClaimTable caption="From the validate reply" claims={explainUser(user, { showPersonal })} now={now} nameHeading="Field" />
    </section>
  );
}
