-- Encryption at rest (issue 14, ADR 0005): the store's random data key, never written in clear, wrapped
-- (AES-256-GCM) once per local account by a key derived from that person's password, and once by the recovery
-- key shown at installation. Personal columns hold "enc1:" + nonce + ciphertext made with the data key.
CREATE TABLE store_key_wrap (
  wrap_id     VARCHAR(36) NOT NULL PRIMARY KEY,
  kind        VARCHAR(20) NOT NULL,
  salt        VARCHAR(100) NOT NULL,
  iterations  INT NOT NULL,
  wrapped_key VARCHAR(200) NOT NULL,
  created_at  BIGINT NOT NULL
);
