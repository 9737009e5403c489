import type { MfaUser } from '@/lib/capillary/schemas';
import { explainUser } from '@/lib/capillary/user-fields';
import { ClaimTable } from './ClaimTable';

type Props = { user: MfaUser; now: number };

/** The `user` object of the validate reply, field by field. */
export function UserTable({ user, now }: Props) {
  return (
    <section aria-labelledby="user-heading">
      <h2 id="user-heading">User</h2>
      <ClaimTable caption="From the validate reply" claims={explainUser(user)} now={now} nameHeading="Field" />
    </section>
  );
}
