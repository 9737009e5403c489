import { expect } from 'vitest';
import { CapillaryApiError, type DeskError } from '@/lib/model/capillary/errors';

/** The typed error a client call failed with; fails the test if it resolved or threw anything else. */
export async function failure(call: Promise<unknown>): Promise<DeskError> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CapillaryApiError);
  return (error as CapillaryApiError).detail;
}
