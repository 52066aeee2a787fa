import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createDeadlines } from '../settings/deadlines.ts';
import { createLivelihood } from './livelihood.ts';

/**
 * The lights of late milestones, checked in the server process every `intervalMs` (and once at
 * start): each milestone that turned yellow or red is announced once to its cadre and the
 * supervisors through the outbox. Safe on several servers at once (a row lock per milestone and
 * the level already announced). Issue 6's deadline scanner is to take this over.
 */
export function startMilestoneWarnings(deps: { db: Db; clock: Clock; dataDir: string; intervalMs?: number; log?: (msg: string) => void }): () => void {
  const lv = createLivelihood({ db: deps.db, clock: deps.clock, deadlines: createDeadlines(deps.db, deps.clock), dataDir: deps.dataDir });
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await lv.duty.warnLateMilestones();
      if (r.yellow + r.red > 0) deps.log?.(`[huiyin] late milestones announced: ${r.yellow} yellow, ${r.red} red`);
    } catch (e) {
      deps.log?.(`[huiyin] milestone warnings failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), deps.intervalMs ?? 10 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
