import type { ColumnType, Generated, RawBuilder } from 'kysely';
import type { StoredFileColumns } from './schema-files.ts';
import type { AnswerMethod, ListStatus, MatterSource, MatterStatus, OriginatorKind, ProjectStatus } from '@huiyin/core';

/** Kysely's view of the livelihood tables (migration 0003); merged into `Database` in schema.ts. */

type Json<T> = ColumnType<T, T, T>;

/** Dates (`date` columns) are read as 'YYYY-MM-DD' text: select them with `::text` (see livelihood repo). */
type DateCol = ColumnType<string, string, string>;
type DateColNull = ColumnType<string | null, string | null | undefined, string | null>;

export interface LivelihoodAreasTable {
  code: string;
  name_zh: string;
  name_en: string;
  sort: number;
  active: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface LivelihoodListsTable {
  id: Generated<number>;
  region_code: string;
  title: string;
  year: number;
  batch: number;
  status: ListStatus;
  published_at: Date | null;
  selection: Json<{ heldAt: string; attendees: string; notes: string | null; recordedBy: number } | null>;
  created_by: number | null;
  created_at: Date;
}

export interface MattersTable {
  id: Generated<number>;
  list_id: number | null;
  region_code: string;
  title: string;
  description: string | null;
  area_code: string;
  status: MatterStatus;
  source: MatterSource;
  case_id: number | null;
  merged_into_id: number | null;
  project_id: number | null;
  collected_on: DateCol;
  collected_by: string | null;
  originator_count: ColumnType<number, number | undefined, number>;
  search_terms: ColumnType<string, RawBuilder<string>, RawBuilder<string>>;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface MatterOriginatorsTable {
  id: Generated<number>;
  matter_id: number;
  origin_matter_id: number;
  kind: OriginatorKind;
  name: string | null;
  phone: string | null;
  address: string | null;
  credit_code: string | null;
  case_id: number | null;
  answered_at: Date | null;
  answer_method: AnswerMethod | null;
  answer_note: string | null;
  answered_by: number | null;
  created_at: Date;
}

export interface ProjectsTable {
  id: Generated<number>;
  list_id: number;
  region_code: string;
  title: string;
  description: string | null;
  area_code: string | null;
  status: ProjectStatus;
  votes: number | null;
  priority: number | null;
  people_affected: number | null;
  lead_unit_id: number | null;
  cadre_user_id: number | null;
  budget: number | null;
  start_date: DateColNull;
  due_date: DateColNull;
  requirements: string | null;
  letter_no: string | null;
  assigned_at: Date | null;
  assigned_by: number | null;
  signed_at: Date | null;
  progress: ColumnType<number, number | undefined, number>;
  accepted_at: Date | null;
  accepted_by: number | null;
  checkers: string | null;
  findings: string | null;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
}

export interface ProjectMilestonesTable {
  id: Generated<number>;
  project_id: number;
  sort: number;
  title: string;
  planned_date: DateCol;
  weight: number;
  reason: string | null;
  percent: ColumnType<number, number | undefined, number>;
  done_on: DateColNull;
  warned_level: ColumnType<number, number | undefined, number>;
  removed: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface ProjectPhotosTable extends StoredFileColumns {
  id: Generated<number>;
  project_id: number;
}

export interface ProjectReportsTable {
  id: Generated<number>;
  project_id: number;
  milestone_id: number;
  percent: number;
  text: string;
  photo_ids: ColumnType<number[], number[] | undefined, number[]>;
  reported_by: number | null;
  created_at: Date;
}

export interface ProjectEventsTable {
  id: Generated<number>;
  project_id: number;
  action: string;
  actor_id: number | null;
  payload: Json<Record<string, unknown>>;
  created_at: Date;
}

export interface LetterCountersTable {
  prefix: string;
  year: number;
  seq: number;
}

/** The livelihood tables, by name. */
export interface LivelihoodDatabase {
  livelihood_areas: LivelihoodAreasTable;
  livelihood_lists: LivelihoodListsTable;
  matters: MattersTable;
  matter_originators: MatterOriginatorsTable;
  projects: ProjectsTable;
  project_milestones: ProjectMilestonesTable;
  project_photos: ProjectPhotosTable;
  project_reports: ProjectReportsTable;
  project_events: ProjectEventsTable;
  letter_counters: LetterCountersTable;
}
