-- Used by SchemaHistoryTest: a byte-order mark and CRLF line breaks, as an editor on Windows writes.
CREATE TABLE extra (
    id BIGINT PRIMARY KEY
);
