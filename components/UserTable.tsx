import type { MfaUser } from '@/lib/capillary/schemas';
import { explainUser } from '@/lib/capillary/user-fields';

type Props = { user: MfaUser };

/** The `user` object of the validate reply, field by field. */
export function UserTable({ user }: Props) {
  return (
    <section aria-labelledby="user-heading">
      <h2 id="user-heading">User</h2>
      <table class="claims">
        <tbody>
          {explainUser(user).map((field) => (
            <tr key={field.name}>
              <th scope="row">
                <code>{field.name}</code>
              </th>
              <td>
                <code>{field.value}</code>
              </td>
              <td>{field.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
