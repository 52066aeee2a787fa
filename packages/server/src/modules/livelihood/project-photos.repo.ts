import { sql, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.ts';

/** Photos of a project's progress reports and acceptance: stored like attachments, one row each. */
export function createProjectPhotosRepo(db: Db) {
  return {
    async insertPhoto(
      p: { projectId: number; fileName: string; mime: string; size: number; sha256: string; key: string; uploadedBy: number },
      at: Date,
    ): Promise<number> {
      const r = await db
        .insertInto('project_photos')
        .values({
          project_id: p.projectId,
          file_name: p.fileName,
          mime_type: p.mime,
          size_bytes: p.size,
          sha256: p.sha256,
          storage_key: p.key,
          uploaded_by: p.uploadedBy,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    async photo(id: number) {
      return db.selectFrom('project_photos').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async photoIdsOf(projectId: number, ids: readonly number[]): Promise<number[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('project_photos')
        .select('id')
        .where('project_id', '=', projectId)
        .where('id', 'in', [...ids])
        .execute();
      return rows.map((r) => r.id);
    },

    /** Is the photo shown in a report of a published project (so the public may see it)? */
    async photoIsPublic(id: number): Promise<boolean> {
      const r = await db
        .selectFrom('project_reports as r')
        .innerJoin('projects as p', 'p.id', 'r.project_id')
        .innerJoin('livelihood_lists as l', 'l.id', 'p.list_id')
        .select('r.id')
        .where(sql<SqlBool>`${id} = any(r.photo_ids)`)
        .where('l.status', '=', 'published')
        .where('p.status', 'not in', ['candidate', 'dropped'])
        .executeTakeFirst();
      return r !== undefined;
    },
  };
}
