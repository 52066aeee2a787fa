import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../clock.ts';
import type { Config } from '../config.ts';
import { openDatabase } from '../main/open-db.ts';
import {
  checkpointDir,
  describeBreak,
  latestCheckpointFile,
  readCheckpointFile,
  takeCheckpoint,
  verifyAll,
  writeCheckpointFile,
} from '../modules/audit/checkpoint.ts';

/** `huiyin audit verify [--checkpoint FILE]` and `huiyin audit checkpoint [--out FILE]`. */
export async function auditCommand(args: string[], config: Config): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'verify' && sub !== 'checkpoint') {
    console.error('usage: huiyin audit verify [--checkpoint FILE] | huiyin audit checkpoint [--out FILE]');
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: { checkpoint: { type: 'string' }, out: { type: 'string' }, 'no-checkpoint': { type: 'boolean' } },
    strict: true,
  });
  const h = await openDatabase(config);
  try {
    if (sub === 'checkpoint') {
      const now = systemClock.now();
      const c = await takeCheckpoint(h.db, h.auditKeys, now);
      const file = values.out
        ? path.resolve(values.out)
        : path.join(checkpointDir(config.dataDir), `checkpoint-${now.toISOString().replace(/[:.]/g, '-')}.json`);
      writeCheckpointFile(file, c);
      console.log(
        `[huiyin] audit checkpoint written to ${file}: ${c.caseEvents.cases} cases, ${c.caseEvents.events} events, audit log at ${c.auditLog.seq}`,
      );
      return 0;
    }
    const file = values.checkpoint ?? (values['no-checkpoint'] ? undefined : latestCheckpointFile(config.dataDir));
    const checkpoint = file === undefined ? undefined : readCheckpointFile(h.auditKeys, file);
    const r = await verifyAll(h.db, h.auditKeys, checkpoint);
    if (r.firstBroken) {
      console.error(`[huiyin] audit: BROKEN at ${describeBreak(r.firstBroken)}`);
      console.error(`[huiyin] checked ${r.cases} cases, ${r.events} events before the break`);
      return 1;
    }
    if (r.checkpointMismatch) {
      console.error(`[huiyin] audit: BROKEN against the checkpoint ${file}: ${r.checkpointMismatch}`);
      return 1;
    }
    console.log(
      `[huiyin] audit: OK — ${r.cases} cases, ${r.events} events, ${r.auditEntries} audit log entries, every chain intact` +
        (file ? `, consistent with the checkpoint ${file}` : ' (no checkpoint to compare with)'),
    );
    return 0;
  } finally {
    await h.close();
  }
}
