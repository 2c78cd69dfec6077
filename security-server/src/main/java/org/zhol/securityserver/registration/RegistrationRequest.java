// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A management request as this server keeps it: what was asked, when, and how far it got.
 *
 * @param id             the request id (a lower-case UUID), the same at the central server
 * @param type           the kind of request
 * @param subject        what it is about ({@link RequestType#subject})
 * @param submittedAt    when it was stored here, just before it was sent (microseconds)
 * @param baseGeneration the configuration generation held at submission (0 for none): only a newer one can
 *                       confirm the request
 * @param progress       the local status, the central server's state and the detail
 */
// Six components: one per stored column group of a request; the changing ones are in RequestProgress.
public record RegistrationRequest(String id, RequestType type, String subject, Instant submittedAt,
        long baseGeneration, RequestProgress progress) {

    public RegistrationRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(submittedAt, "submittedAt");
        Objects.requireNonNull(progress, "progress");
        if (baseGeneration < 0) {
            throw new IllegalArgumentException("baseGeneration must not be negative");
        }
    }

    /** A request about to be sent. Times are kept in microseconds, as both databases store them. */
    public static RegistrationRequest sending(String id, RequestType type, String subject, Instant now,
            long baseGeneration) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new RegistrationRequest(id, type, subject, at, baseGeneration,
                new RequestProgress(RequestStatus.SENDING, Optional.empty(), Optional.empty(), at));
    }

    /** The local status. */
    public RequestStatus status() {
        return progress.status();
    }

    /** Whether it still waits for the central server or the configuration. */
    public boolean open() {
        return progress.status().open();
    }

    /**
     * This request after the central server's answer: {@link RequestStatus#REJECTED} when it turned the
     * request down, else {@link RequestStatus#SUBMITTED} (a confirmed request stays confirmed).
     */
    public RegistrationRequest answered(CentralAnswer answer, Instant now) {
        if (answer.state().refused()) {
            return with(RequestStatus.REJECTED, Optional.of(answer.state()), Optional.of(answer.reason()
                    .map(r -> "The central server says " + answer.state() + ": " + r)
                    .orElse("The central server says " + answer.state())), now);
        }
        RequestStatus status = progress.status() == RequestStatus.CONFIRMED ? RequestStatus.CONFIRMED
                : RequestStatus.SUBMITTED;
        return with(status, Optional.of(answer.state()), progress.detail(), now);
    }

    /** This request with another status and detail, keeping the central server's state. */
    public RegistrationRequest with(RequestStatus status, Optional<String> detail, Instant now) {
        return with(status, progress.centralState(), detail, now);
    }

    private RegistrationRequest with(RequestStatus status, Optional<CentralState> central, Optional<String> detail,
            Instant now) {
        return new RegistrationRequest(id, type, subject, submittedAt, baseGeneration,
                new RequestProgress(status, central, detail, now.truncatedTo(ChronoUnit.MICROS)));
    }
}
