-- SPDX-License-Identifier: MIT
-- Management requests from security servers (central-server/docs/management.md). The id is the
-- sender's request UUID, so a replayed or duplicated submission is refused by the primary key.
-- payload is the signed envelope exactly as received, kept as evidence.
CREATE TABLE management_request (
    id           VARCHAR(36)   NOT NULL PRIMARY KEY,
    request_type VARCHAR(32)   NOT NULL,
    server_id    VARCHAR(1024) NOT NULL,
    -- what the request is about within its server: the certificate hash, the client, the address
    subject      VARCHAR(1024) NOT NULL,
    payload      BYTEA         NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    -- an APPROVED request whose registry change has not been confirmed yet; re-applied at start
    applied      BOOLEAN       NOT NULL DEFAULT FALSE,
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at   TIMESTAMP WITH TIME ZONE,
    decided_by   VARCHAR(255),
    reason       VARCHAR(1024),
    CONSTRAINT management_request_state CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED', 'REVOKED'))
);
CREATE INDEX management_request_by_state ON management_request (state, received_at);
CREATE INDEX management_request_by_subject ON management_request (request_type, server_id, subject);
