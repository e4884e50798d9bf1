-- Sync client state (issue 4). The outbox stays as it is; sync moves its rows into sync_pending, whose
-- AUTOINCREMENT key is the operation number the hub deduplicates on (a plain rowid may be reused).

CREATE TABLE sync_state (
  state_key   VARCHAR(100) NOT NULL PRIMARY KEY,
  state_value VARCHAR(4000) NOT NULL
);

-- Changes waiting for the hub's acknowledgement. base_cursor: the hub cursor the laptop had applied when the
-- change was made, which tells the hub whether another laptop's write was seen or concurrent.
CREATE TABLE sync_pending (
  op_number   INTEGER PRIMARY KEY AUTOINCREMENT,
  change_id   VARCHAR(36) NOT NULL UNIQUE,
  table_name  VARCHAR(60) NOT NULL,
  row_id      VARCHAR(36) NOT NULL,
  worksite_id VARCHAR(64) NOT NULL,
  fields      VARCHAR(100000) NOT NULL,
  version     VARCHAR(80) NOT NULL,
  base_cursor BIGINT NOT NULL,
  created_at  BIGINT NOT NULL
);

-- Changes the hub refused, with its reason, until the user retries or discards them.
CREATE TABLE sync_quarantine (
  op_number      BIGINT NOT NULL PRIMARY KEY,
  change_id      VARCHAR(36) NOT NULL,
  table_name     VARCHAR(60) NOT NULL,
  row_id         VARCHAR(36) NOT NULL,
  worksite_id    VARCHAR(64) NOT NULL,
  fields         VARCHAR(100000) NOT NULL,
  version        VARCHAR(80) NOT NULL,
  reason_code    VARCHAR(40) NOT NULL,
  reason         VARCHAR(2000) NOT NULL,
  quarantined_at BIGINT NOT NULL
);

-- Conflicts recorded by the hub (synced like any row, so a resolution reaches every laptop of the scope).
CREATE TABLE sync_conflict (
  id            VARCHAR(36) NOT NULL PRIMARY KEY,
  worksite_id   VARCHAR(64) NOT NULL,
  table_name    VARCHAR(60) NOT NULL,
  row_id        VARCHAR(36) NOT NULL,
  field_name    VARCHAR(60) NOT NULL,
  base_value    VARCHAR(20000),
  kept_value    VARCHAR(20000),
  other_value   VARCHAR(20000),
  kept_version  VARCHAR(120) NOT NULL,
  other_version VARCHAR(120) NOT NULL,
  other_device  VARCHAR(64),
  created_at    BIGINT NOT NULL,
  resolved      BOOLEAN NOT NULL,
  resolution    VARCHAR(20000),
  version       VARCHAR(80) NOT NULL,
  updated_by    VARCHAR(36) NOT NULL,
  deleted       BOOLEAN NOT NULL
);
CREATE INDEX sync_conflict_open ON sync_conflict (resolved, worksite_id);
