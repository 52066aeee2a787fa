-- The application role of a production PostgreSQL deployment (docs/OPERATIONS.md, "Database roles").
-- Run as the OWNER of Huiyin's tables (the role that ran `huiyin migrate`), once after every
-- migration, with :app_role the role `huiyin serve` and `huiyin worker` connect as and
-- :schema the schema Huiyin lives in (public by default).
--
-- The application may read and write its data, but it owns no table: it cannot ALTER a table, so it
-- cannot switch off the append-only triggers of case_events and audit_log, it has no UPDATE,
-- DELETE or TRUNCATE on those two tables at all, and it cannot touch audit_meta (the audit key's
-- fingerprint).
grant usage on schema :schema to :app_role;
grant select, insert, update, delete on all tables in schema :schema to :app_role;
grant usage, select on all sequences in schema :schema to :app_role;
revoke update, delete, truncate on :schema.case_events, :schema.audit_log from :app_role;
-- Which key the chains are written with is the owner's to record (at the first start or an upgrade).
revoke insert, update, delete, truncate on :schema.audit_meta from :app_role;
-- The hotline desk (0008): an announced call is a record, never changed; an API key is revoked, never
-- deleted, and never rewritten: the application records its use and its revocation only (a trigger of
-- 0008 keeps a revoked key revoked).
revoke update, delete, truncate on :schema.hotline_calls from :app_role;
revoke update, delete, truncate on :schema.api_keys from :app_role;
grant update (last_used_at, revoked_at, revoked_by) on :schema.api_keys to :app_role;
