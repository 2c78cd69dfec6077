// SPDX-License-Identifier: MIT
package org.zhol.securityserver.config;

import java.time.Duration;
import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.manifest.BatchManifestSigner;

/**
 * Batch signing of message manifests for one token (ARCHITECTURE §4, {@code protocol-spec/docs/signatures.md}
 * §4): when enabled, the manifests that wait for the same key within {@code maxWait} are signed with one CMS
 * over their Merkle root, each message carrying its inclusion proof.
 *
 * @param enabled whether this token signs in batches; off by default (one CMS per message)
 * @param maxWait how long the first message of a batch waits for others; 1 ms to 10 s
 * @param maxSize the most messages in one batch; a full batch is signed at once; 1 to
 *                {@link BatchManifestSigner#MAX_BATCH}
 */
public record BatchSigning(boolean enabled, Duration maxWait, int maxSize) {

    /** Default wait of the first message of a batch, milliseconds. */
    public static final int DEFAULT_MAX_WAIT_MILLIS = 2;
    /** Default most messages in one batch. */
    public static final int DEFAULT_MAX_SIZE = 64;
    /** Off: every message gets its own CMS. */
    public static final BatchSigning OFF = new BatchSigning(false, Duration.ofMillis(DEFAULT_MAX_WAIT_MILLIS),
            DEFAULT_MAX_SIZE);

    public BatchSigning {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.compareTo(Duration.ofMillis(1)) < 0 || maxWait.compareTo(Duration.ofSeconds(10)) > 0) {
            throw ZholException.client(ErrorCode.MALFORMED_SERVER_CONF,
                    "token.batchMaxWaitMillis must be 1 to 10000, not " + maxWait.toMillis());
        }
        if (maxSize < 1 || maxSize > BatchManifestSigner.MAX_BATCH) {
            throw ZholException.client(ErrorCode.MALFORMED_SERVER_CONF,
                    "token.batchMaxSize must be 1 to " + BatchManifestSigner.MAX_BATCH + ", not " + maxSize);
        }
    }

    /** Batch signing on, with the given wait and size. */
    public static BatchSigning on(Duration maxWait, int maxSize) {
        return new BatchSigning(true, maxWait, maxSize);
    }
}
