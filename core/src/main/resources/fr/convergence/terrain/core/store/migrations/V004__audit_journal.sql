-- The audit journal (issue 14): who opened a participant's file, printed or exported what, changed an account,
-- signed in or failed to. Append-only: the laptop only inserts (core.audit.AuditJournal), the hub refuses any
-- change to a stored entry (hub SyncedTables, scope JOURNAL). Synced like the other tables.
-- worksite_id: the participant's worksite when the entry is about a participant, else the laptop's worksite
-- (where the sign-in or the account change happened); an entry stays there, even if the participant moves.
-- actor_id is the local account's id (meaningless on another laptop), actor_name the display name at the time,
-- so a coordinator's laptop and the hub can say who without the account. participant_id is no reference: the
-- entry outlives the participant's move or erasure, and names nobody by itself. detail is short and never
-- personal (document kind, "avec notes"): never a note's text, a social-security number or a password.
CREATE TABLE audit_event (
  id             VARCHAR(36) NOT NULL PRIMARY KEY,
  worksite_id    VARCHAR(64) NOT NULL REFERENCES worksite (id),
  occurred_at    BIGINT NOT NULL,
  actor_id       VARCHAR(36),
  actor_name     VARCHAR(200),
  action         VARCHAR(40) NOT NULL,
  participant_id VARCHAR(36),
  detail         VARCHAR(200),
  version        VARCHAR(80) NOT NULL,
  updated_by     VARCHAR(36) NOT NULL,
  deleted        BOOLEAN NOT NULL
);
CREATE INDEX audit_event_worksite_time ON audit_event (worksite_id, occurred_at);
