// SPDX-License-Identifier: MIT
package org.zhol.protocol.verify;

/**
 * The checks of {@code zhol verify}, in the order they run; the first that fails is reported by its
 * stable {@link #code()} (evidence.md §5).
 */
public enum Check {
    /** The file is a well-formed container (or archive) within the limits, with every required entry. */
    CONTAINER("container"),
    /** The container names the trust snapshot it is verified with. */
    TRUST_SNAPSHOT("trust-snapshot"),
    /** The CAdES signature over the manifest. */
    SIGNATURE("signature"),
    /** The signer certificate's chain and OCSP response at the signing time. */
    CERTIFICATE("certificate"),
    /** The manifest and the digests of the data objects. */
    MANIFEST("manifest"),
    /** The signer certificate maps to the member that had to sign. */
    SIGNER_MEMBER("signer-member"),
    /** The log entry (the record's leaf) lists exactly the covered files. */
    LOG_ENTRY("log-entry"),
    /** The peer's checkpoint that came with the message is validly signed. */
    PEER_CHECKPOINT("peer-checkpoint"),
    /** The evidence record and its manifest cover the record's files and lead to the token. */
    EVIDENCE_RECORD("evidence-record"),
    /** The RFC 3161 token is an approved TSA's and dates the signature. */
    TIMESTAMP("timestamp"),
    /** The stamped checkpoint is signed by the server's owner and stamped in the same batch. */
    CHECKPOINT("checkpoint"),
    /** The record's leaf is in the stamped checkpoint's tree. */
    INCLUSION("inclusion"),
    /** Each archive names the digest of the one before it and lists its containers' digests. */
    ARCHIVE_CHAIN("archive-chain"),
    /** A later checkpoint extends an earlier one. */
    CONSISTENCY("consistency");

    private final String code;

    Check(String code) {
        this.code = code;
    }

    /** The stable reason code, e.g. {@code evidence-record}. */
    public String code() {
        return code;
    }
}
