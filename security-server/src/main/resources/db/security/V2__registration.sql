-- SPDX-License-Identifier: MIT
-- The management requests this server sent to the central server, with the central server's last
-- known state and the local status (registration.RequestStatus). Written for both H2 and PostgreSQL.
CREATE TABLE registration_request (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    request_type    VARCHAR(32)   NOT NULL,
    subject         VARCHAR(1024) NOT NULL,
    submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    base_generation BIGINT        NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    central_state   VARCHAR(16),
    detail          VARCHAR(1024),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX registration_request_status ON registration_request (status);
