import type { ExplainedClaim } from '@/lib/words/claims';
import { t } from '@/lib/words/t';
import { Countdown } from './Countdown';

type Props = {
  caption: string;
  claims: ExplainedClaim[];
  now: number;
  /** What the first column lists: a token's claims, or an object's fields. */
  nameHeading?: 'Claim' | 'Field';
};

/** Every claim (or field) by name, value and meaning. Values are text nodes, never HTML, whatever they contain. */
export function ClaimTable({ caption, claims, now, nameHeading = 'Claim' }: Props) {
  return (
    <table class="claims">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t(nameHeading === 'Claim' ? 'claimHeading' : 'fieldHeading')}</th>
          <th scope="col">{t('valueHeading')}</th>
          <th scope="col">{t('meaningHeading')}</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((claim) => (
          <tr key={claim.name}>
            <th scope="row">
              <code>{claim.name}</code>
            </th>
            <td>
              <code>{claim.value}</code>
            </td>
            <td>
              {claim.meaning}
              {claim.at !== undefined && (
                <>
                  {' '}
                  <Countdown at={claim.at} now={now} kind={claim.name === 'exp' ? 'expiry' : 'event'} />
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
