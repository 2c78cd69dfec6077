-- A migration used only by DatabaseTest, written in the SQL subset that H2 and PostgreSQL share.
CREATE TABLE item (
    id         BIGINT PRIMARY KEY,
    name       VARCHAR(255) NOT NULL UNIQUE,
    payload    BYTEA,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
