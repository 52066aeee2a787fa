import type { AttachmentView } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { AttachmentsTable } from '../../db/schema.ts';
import type { Insertable } from 'kysely';

export function createAttachmentsRepo(db: Db) {
  return {
    async insert(a: Insertable<AttachmentsTable>) {
      await db.insertInto('attachments').values(a).execute();
    },

    async ofCase(caseId: number): Promise<AttachmentView[]> {
      const rows = await db
        .selectFrom('attachments')
        .select(['id', 'file_name', 'mime_type', 'size_bytes', 'created_at'])
        .where('case_id', '=', caseId)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        fileName: r.file_name,
        mimeType: r.mime_type,
        sizeBytes: r.size_bytes,
        createdAt: r.created_at.toISOString(),
      }));
    },

    async get(id: string) {
      return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /** Files the requester sent (no staff uploader). */
    async countFromCitizen(caseId: number): Promise<number> {
      const r = await db
        .selectFrom('attachments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', caseId)
        .where('uploaded_by', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },

    async countOfCase(caseId: number): Promise<number> {
      const r = await db
        .selectFrom('attachments')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
