// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a background job of the message log fared.
 *
 * @param lastSuccess when it last succeeded
 * @param lastError   its last failure, if the last run failed
 */
public record JobStatus(Optional<Instant> lastSuccess, Optional<Failure> lastError) {

    /** A job that never ran. */
    public static final JobStatus NEVER = new JobStatus(Optional.empty(), Optional.empty());

    /**
     * A failure.
     *
     * @param at     when
     * @param code   the fault code, e.g. {@code TimestampingFailed.NetworkError}
     * @param detail the fault's detail
     */
    public record Failure(Instant at, String code, String detail) {
        public Failure {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public JobStatus {
        Objects.requireNonNull(lastSuccess, "lastSuccess");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** This status after a success at {@code at}. */
    JobStatus succeeded(Instant at) {
        return new JobStatus(Optional.of(at), Optional.empty());
    }

    /** This status after a failure. */
    JobStatus failed(Instant at, String code, String detail) {
        return new JobStatus(lastSuccess, Optional.of(new Failure(at, code, detail)));
    }
}
