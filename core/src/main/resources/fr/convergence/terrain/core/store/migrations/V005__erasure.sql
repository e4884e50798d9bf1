-- Erasure tombstones (issue 14): one row per erased participant, synced like any row and never deleted, so that no
-- laptop or hub brings the person back. Its id is the participant's id; no name or other personal field is kept.
-- reason: DEMANDE (erasure on request) or CONSERVATION (retention period over). No reference to participant: the
-- row outlives it.
CREATE TABLE erasure (
  id          VARCHAR(36) NOT NULL PRIMARY KEY,
  worksite_id VARCHAR(64) NOT NULL,
  erased_at   BIGINT NOT NULL,
  reason      VARCHAR(40) NOT NULL,
  version     VARCHAR(80) NOT NULL,
  updated_by  VARCHAR(36) NOT NULL,
  deleted     BOOLEAN NOT NULL
);
