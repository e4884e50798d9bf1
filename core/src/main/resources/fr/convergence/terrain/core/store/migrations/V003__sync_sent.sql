-- Operations the hub acknowledged, kept for a while after the acknowledgement (issue 4, DESIGN.md: a hub
-- restored from a backup must get back what it lost). When a hub answers that it has applied fewer of this
-- laptop's operations than it once acknowledged, the ones after its number go back to sync_pending with their
-- own numbers and are sent again. Pruned by age (SyncRepository.SENT_RETENTION).
CREATE TABLE sync_sent (
  op_number       INTEGER NOT NULL PRIMARY KEY,
  change_id       VARCHAR(36) NOT NULL,
  table_name      VARCHAR(60) NOT NULL,
  row_id          VARCHAR(36) NOT NULL,
  worksite_id     VARCHAR(64) NOT NULL,
  fields          VARCHAR(100000) NOT NULL,
  version         VARCHAR(80) NOT NULL,
  base_cursor     BIGINT NOT NULL,
  created_at      BIGINT NOT NULL,
  acknowledged_at BIGINT NOT NULL
);
CREATE INDEX sync_sent_age ON sync_sent (acknowledged_at);
