-- Convergence Terrain local store, first schema.
-- Released migrations are never edited: add a new V00N__*.sql file instead.
-- Synced tables carry: id (UUID made locally), worksite_id (replication scope),
-- version (hybrid logical clock, sortable text), updated_by (user id), deleted (tombstone).

CREATE TABLE store_meta (
  meta_key   VARCHAR(100) NOT NULL PRIMARY KEY,
  meta_value VARCHAR(4000) NOT NULL
);

CREATE TABLE territory (
  id     VARCHAR(64) NOT NULL PRIMARY KEY,
  name   VARCHAR(200) NOT NULL,
  region VARCHAR(200) NOT NULL
);

CREATE TABLE worksite (
  id           VARCHAR(64) NOT NULL PRIMARY KEY,
  name         VARCHAR(200) NOT NULL,
  city         VARCHAR(200) NOT NULL,
  region       VARCHAR(200) NOT NULL,
  territory_id VARCHAR(64) REFERENCES territory (id),
  runs_phc     BOOLEAN NOT NULL,
  runs_cvg     BOOLEAN NOT NULL
);

CREATE TABLE app_user (
  id                  VARCHAR(36) NOT NULL PRIMARY KEY,
  login               VARCHAR(100) NOT NULL UNIQUE,
  display_name        VARCHAR(200) NOT NULL,
  role                VARCHAR(20) NOT NULL,
  territory_id        VARCHAR(64) REFERENCES territory (id),
  password_hash       VARCHAR(200) NOT NULL,
  password_salt       VARCHAR(100) NOT NULL,
  password_iterations INT NOT NULL,
  active              BOOLEAN NOT NULL,
  created_at          BIGINT NOT NULL
);

CREATE TABLE user_worksite (
  user_id     VARCHAR(36) NOT NULL REFERENCES app_user (id),
  worksite_id VARCHAR(64) NOT NULL REFERENCES worksite (id),
  PRIMARY KEY (user_id, worksite_id)
);

CREATE TABLE participant (
  id                     VARCHAR(36) NOT NULL PRIMARY KEY,
  worksite_id            VARCHAR(64) NOT NULL REFERENCES worksite (id),
  first_name             VARCHAR(200) NOT NULL,
  last_name              VARCHAR(200) NOT NULL,
  search_name            VARCHAR(400) NOT NULL,
  birth_date             DATE,
  phone                  VARCHAR(50),
  email                  VARCHAR(200),
  address                VARCHAR(400),
  social_security_number VARCHAR(30),
  referent_name          VARCHAR(200),
  version                VARCHAR(80) NOT NULL,
  updated_by             VARCHAR(36) NOT NULL,
  deleted                BOOLEAN NOT NULL
);
CREATE INDEX participant_worksite ON participant (worksite_id);

CREATE TABLE enrolment (
  id                  VARCHAR(36) NOT NULL PRIMARY KEY,
  participant_id      VARCHAR(36) NOT NULL REFERENCES participant (id),
  worksite_id         VARCHAR(64) NOT NULL REFERENCES worksite (id),
  programme           VARCHAR(10) NOT NULL,
  contract_type       VARCHAR(20) NOT NULL,
  entry_date          DATE NOT NULL,
  contract_end_date   DATE,
  weekly_hours        INT,
  derogation_kind     VARCHAR(20),
  derogation_end_date DATE,
  extension_reason    VARCHAR(1000),
  exit_date           DATE,
  exit_category       VARCHAR(30),
  exit_reason         VARCHAR(60),
  version             VARCHAR(80) NOT NULL,
  updated_by          VARCHAR(36) NOT NULL,
  deleted             BOOLEAN NOT NULL
);
CREATE INDEX enrolment_participant ON enrolment (participant_id);
CREATE INDEX enrolment_worksite ON enrolment (worksite_id);

CREATE TABLE phc_step (
  id           VARCHAR(36) NOT NULL PRIMARY KEY,
  enrolment_id VARCHAR(36) NOT NULL REFERENCES enrolment (id),
  worksite_id  VARCHAR(64) NOT NULL REFERENCES worksite (id),
  target_hours INT NOT NULL,
  start_date   DATE NOT NULL,
  version      VARCHAR(80) NOT NULL,
  updated_by   VARCHAR(36) NOT NULL,
  deleted      BOOLEAN NOT NULL
);
CREATE INDEX phc_step_enrolment ON phc_step (enrolment_id);

CREATE TABLE hours_entry (
  id             VARCHAR(36) NOT NULL PRIMARY KEY,
  participant_id VARCHAR(36) NOT NULL REFERENCES participant (id),
  worksite_id    VARCHAR(64) NOT NULL REFERENCES worksite (id),
  work_day       DATE NOT NULL,
  kind           VARCHAR(30) NOT NULL,
  minutes        INT NOT NULL,
  version        VARCHAR(80) NOT NULL,
  updated_by     VARCHAR(36) NOT NULL,
  deleted        BOOLEAN NOT NULL,
  CONSTRAINT hours_entry_natural_key UNIQUE (participant_id, work_day, kind)
);
CREATE INDEX hours_entry_worksite_day ON hours_entry (worksite_id, work_day);

CREATE TABLE support_note (
  id             VARCHAR(36) NOT NULL PRIMARY KEY,
  participant_id VARCHAR(36) NOT NULL REFERENCES participant (id),
  worksite_id    VARCHAR(64) NOT NULL REFERENCES worksite (id),
  note_date      DATE NOT NULL,
  theme          VARCHAR(30) NOT NULL,
  visibility     VARCHAR(30) NOT NULL,
  author_id      VARCHAR(36) NOT NULL,
  version        VARCHAR(80) NOT NULL,
  updated_by     VARCHAR(36) NOT NULL,
  deleted        BOOLEAN NOT NULL
);
CREATE INDEX support_note_participant ON support_note (participant_id);

CREATE TABLE support_note_revision (
  id          VARCHAR(36) NOT NULL PRIMARY KEY,
  note_id     VARCHAR(36) NOT NULL REFERENCES support_note (id),
  worksite_id VARCHAR(64) NOT NULL REFERENCES worksite (id),
  body        VARCHAR(20000) NOT NULL,
  author_id   VARCHAR(36) NOT NULL,
  created_at  BIGINT NOT NULL,
  version     VARCHAR(80) NOT NULL,
  updated_by  VARCHAR(36) NOT NULL,
  deleted     BOOLEAN NOT NULL
);
CREATE INDEX support_note_revision_note ON support_note_revision (note_id);

CREATE TABLE referral (
  id              VARCHAR(36) NOT NULL PRIMARY KEY,
  participant_id  VARCHAR(36) NOT NULL REFERENCES participant (id),
  worksite_id     VARCHAR(64) NOT NULL REFERENCES worksite (id),
  partner_code    VARCHAR(40) NOT NULL,
  partner_name    VARCHAR(200),
  purpose         VARCHAR(2000) NOT NULL,
  documents       VARCHAR(4000) NOT NULL,
  shared_fields   VARCHAR(4000) NOT NULL,
  status          VARCHAR(20) NOT NULL,
  created_on      DATE NOT NULL,
  version         VARCHAR(80) NOT NULL,
  updated_by      VARCHAR(36) NOT NULL,
  deleted         BOOLEAN NOT NULL
);
CREATE INDEX referral_participant ON referral (participant_id);
CREATE INDEX referral_worksite ON referral (worksite_id);

CREATE TABLE referral_status_change (
  id          VARCHAR(36) NOT NULL PRIMARY KEY,
  referral_id VARCHAR(36) NOT NULL REFERENCES referral (id),
  worksite_id VARCHAR(64) NOT NULL REFERENCES worksite (id),
  from_status VARCHAR(20),
  to_status   VARCHAR(20) NOT NULL,
  changed_on  DATE NOT NULL,
  changed_by  VARCHAR(36) NOT NULL,
  comment     VARCHAR(2000),
  version     VARCHAR(80) NOT NULL,
  updated_by  VARCHAR(36) NOT NULL,
  deleted     BOOLEAN NOT NULL
);
CREATE INDEX referral_status_change_referral ON referral_status_change (referral_id);

CREATE TABLE follow_up (
  id             VARCHAR(36) NOT NULL PRIMARY KEY,
  enrolment_id   VARCHAR(36) NOT NULL REFERENCES enrolment (id),
  participant_id VARCHAR(36) NOT NULL REFERENCES participant (id),
  worksite_id    VARCHAR(64) NOT NULL REFERENCES worksite (id),
  months_after   INT NOT NULL,
  due_date       DATE NOT NULL,
  done_date      DATE,
  outcome        VARCHAR(2000),
  version        VARCHAR(80) NOT NULL,
  updated_by     VARCHAR(36) NOT NULL,
  deleted        BOOLEAN NOT NULL
);
CREATE INDEX follow_up_enrolment ON follow_up (enrolment_id);

-- What sync sends: every local change of a synced row, written in the same transaction.
-- seq is SQLite's rowid, assigned in commit order.
CREATE TABLE outbox (
  seq         INTEGER NOT NULL PRIMARY KEY,
  change_id   VARCHAR(36) NOT NULL UNIQUE,
  table_name  VARCHAR(60) NOT NULL,
  row_id      VARCHAR(36) NOT NULL,
  worksite_id VARCHAR(64) NOT NULL,
  fields      VARCHAR(100000) NOT NULL,
  version     VARCHAR(80) NOT NULL,
  created_at  BIGINT NOT NULL
);
