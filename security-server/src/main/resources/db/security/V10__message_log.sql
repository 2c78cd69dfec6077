-- SPDX-License-Identifier: MIT
-- The message log: records in commit order, the nodes of its Merkle tree, signed checkpoints and
-- time-stamps. Written for both H2 and PostgreSQL. Numbered 10 to leave room for registry changes.

-- One logged message. leaf_index is its place in the Merkle log (0, 1, 2, ... in commit order);
-- log_entry is its leaf (protocol-spec docs/log.md), leaf_hash SHA-256(0x00 || log_entry). The
-- body is inline (short bodies), in the file bodies/<leaf_index / 4096>/<leaf_index>.body (long
-- bodies), or dropped (METADATA_ONLY: only its length and digest are kept).
CREATE TABLE ml_record (
    leaf_index      BIGINT        NOT NULL PRIMARY KEY,
    logged_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    message_id      VARCHAR(255)  NOT NULL,
    direction       VARCHAR(8)    NOT NULL,
    side            VARCHAR(16)   NOT NULL,
    client          VARCHAR(1024) NOT NULL,
    service         VARCHAR(1024) NOT NULL,
    metadata_xml    BYTEA         NOT NULL,
    head_json       BYTEA         NOT NULL,
    body_mode       VARCHAR(16)   NOT NULL,
    body_storage    VARCHAR(8)    NOT NULL,
    body_length     BIGINT        NOT NULL,
    body_sha256     BYTEA         NOT NULL,
    body_inline     BYTEA,
    manifest        BYTEA         NOT NULL,
    signature_cms   BYTEA         NOT NULL,
    batch_root      BYTEA,
    batch_proof     BYTEA,
    peer_checkpoint BYTEA,
    log_entry       BYTEA         NOT NULL,
    leaf_hash       BYTEA         NOT NULL,
    archive_id      BIGINT
);

CREATE INDEX ml_record_message ON ml_record (message_id, direction);
CREATE INDEX ml_record_logged_at ON ml_record (logged_at);

-- Every perfect subtree of the Merkle log: level 0 holds the leaf hashes, level l index i covers the
-- leaves [i * 2^l, (i + 1) * 2^l). Nodes are never updated or deleted (retention keeps them), so
-- proofs for old checkpoints stay possible after records are cleaned.
CREATE TABLE ml_tree_node (
    tree_level INTEGER NOT NULL,
    node_index BIGINT  NOT NULL,
    hash       BYTEA   NOT NULL,
    PRIMARY KEY (tree_level, node_index)
);

-- A signed checkpoint of the log: the tree of its first tree_size records.
CREATE TABLE ml_checkpoint (
    tree_size  BIGINT  NOT NULL PRIMARY KEY,
    root_hash  BYTEA   NOT NULL,
    signed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    checkpoint BYTEA   NOT NULL,
    signature  BYTEA   NOT NULL
);

-- A time-stamping batch (protocol-spec docs/log.md section 6): a TSA token over the RFC 4998 hash
-- tree of the records [first_leaf, end_leaf) and the checkpoint of checkpoint_size (>= end_leaf).
-- Every record below the latest end_leaf is stamped. tsa_not_after is when the TSA certificate of the
-- batch's newest token expires: the evidence records are renewed before that (log.md section 7).
CREATE TABLE ml_timestamp (
    end_leaf            BIGINT       NOT NULL PRIMARY KEY,
    first_leaf          BIGINT       NOT NULL,
    checkpoint_size     BIGINT       NOT NULL,
    gen_time            TIMESTAMP WITH TIME ZONE NOT NULL,
    tsa_name            VARCHAR(255) NOT NULL,
    token               BYTEA        NOT NULL,
    checkpoint_evidence BYTEA        NOT NULL,
    tsa_not_after       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A record's RFC 4998 evidence record (DER), from its batch's token.
CREATE TABLE ml_evidence_record (
    leaf_index BIGINT NOT NULL PRIMARY KEY,
    end_leaf   BIGINT NOT NULL,
    evidence   BYTEA  NOT NULL
);

-- An evidence archive: the containers of the records [first_leaf, end_leaf), in the file file_name
-- under the message log's archives directory, whose SHA-256 the next archive names (protocol-spec
-- docs/evidence.md). Records in an archive have archive_id = sequence; only they may be cleaned.
CREATE TABLE ml_archive (
    sequence   BIGINT       NOT NULL PRIMARY KEY,
    file_name  VARCHAR(255) NOT NULL,
    sha256     BYTEA        NOT NULL,
    first_leaf BIGINT       NOT NULL,
    end_leaf   BIGINT       NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ml_record_archive ON ml_record (archive_id, logged_at);
