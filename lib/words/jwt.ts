// Why a pasted token does not decode, in the agent's language: one sentence per problem lib/model/jwt/decode.ts names.
import type { Decoded, JwtProblem } from '@/lib/model/jwt/decode';
import { t } from './t';

type Failure = Extract<Decoded, { ok: false }>;
type ProblemOf<C extends JwtProblem['code']> = Extract<JwtProblem, { code: C }>;

const SAYS: { [C in JwtProblem['code']]: (problem: ProblemOf<C>) => string } = {
  empty: () => t('jwtEmpty'),
  parts: (problem) => t('jwtParts', problem.count),
  'part-empty': () => t('jwtPartEmpty'),
  'bad-character': (problem) => t('jwtBadCharacter', problem.character, problem.position),
  'bad-length': () => t('jwtBadLength'),
  'not-base64': () => t('jwtNotBase64'),
  'not-utf8': () => t('jwtNotUtf8'),
  'not-json': (problem) => t('jwtNotJson', problem.detail),
  'not-object': () => t('jwtNotObject'),
};

/** What is wrong with a token that did not decode, naming the part (header or payload) it is in. */
export function jwtProblemText({ part, problem }: Failure): string {
  const text = (SAYS[problem.code] as (problem: JwtProblem) => string)(problem);
  return part === 'token' ? text : t('jwtPartProblem', t(part === 'header' ? 'claimsHeader' : 'claimsPayload'), text);
}
