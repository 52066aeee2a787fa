import type { Db } from '../../db/connect.ts';
import { verifyPassword } from './password.ts';
import { createSignInRepo } from './sign-in.repo.ts';

/** The demo accounts that still have the demo password (HUIYIN_DEMO=off refuses to start while there is one). */
export async function demoAccountsWithPassword(db: Db, demoPassword: string): Promise<string[]> {
  const found: string[] = [];
  for (const a of await createSignInRepo(db).demoAccounts()) {
    if (await verifyPassword(a.password_hash, demoPassword)) found.push(a.username);
  }
  return found;
}
