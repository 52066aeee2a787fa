import { DomainError, coversRegion, regionPrefix, type AuthUser } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { CaseExtension } from '../cases/case-hooks.ts';
import { createPeopleRepo } from '../people/people.repo.ts';
import { createHotlineCallsRepo, type HotlineCallRow } from './hotline-calls.repo.ts';

/** A 409 naming the case already registered from the call. */
function callTaken(callId: string, first: { id: number; tracking_no: string }): DomainError {
  return DomainError.atField(
    'conflict',
    { path: 'callId', message: `a case was registered from this call already: ${first.tracking_no}`, code: 'call_taken' },
    `call ${callId} already has case ${first.tracking_no}`,
    { caseId: first.id, trackingNo: first.tracking_no },
  );
}

/**
 * The announced call a staff registration names (callId), checked: a call the telephony system
 * announced to this agent, or to the agent's region, and no case registered from it yet (two
 * registrations of one call wait for each other: the second sees the first's case). A recording
 * belongs to such a call. Null when the registration names no call.
 */
export async function checkCaseCall(
  trx: Db,
  input: { callId?: string | undefined; recordingUrl?: string | undefined },
  user: AuthUser,
): Promise<HotlineCallRow | null> {
  if (input.callId === undefined) {
    if (input.recordingUrl !== undefined) {
      throw DomainError.atField('validation_failed', {
        path: 'recordingUrl',
        message: 'a recording belongs to an announced call: give its call id',
      });
    }
    return null;
  }
  const calls = createHotlineCallsRepo(trx);
  const rows = await calls.allOfCallId(input.callId);
  const mine = rows.find((r) => r.agent_id === user.id);
  const ofRegion = rows.find((r) => user.units.some((u) => coversRegion([regionPrefix(r.key_region_code)], u.regionCode)));
  const call = mine ?? ofRegion;
  if (!call) {
    throw DomainError.atField('validation_failed', {
      path: 'callId',
      message: 'no call of this id was announced to you or your region',
      code: 'unknown_call',
    });
  }
  await calls.lockCall(call.id);
  const first = await calls.caseOf(call.id);
  if (first) throw callTaken(input.callId, first);
  return call;
}

/**
 * The hotline desk's part in registration: a staff registration that names a call is checked
 * (checkCaseCall) and tied to it (cases.hotline_call_id, unique: one case per call), in the
 * registration's transaction, so a refused call leaves no case behind.
 */
export const hotlineCaseExtension: CaseExtension = {
  async onRegister(trx, row, input) {
    if (row.registered_by === null) return;
    const user = await createPeopleRepo(trx).findById(row.registered_by);
    if (!user) return;
    const call = await checkCaseCall(trx, input as { callId?: string; recordingUrl?: string }, user);
    if (call) await createHotlineCallsRepo(trx).tieCase(row.id, call.id);
  },
};
