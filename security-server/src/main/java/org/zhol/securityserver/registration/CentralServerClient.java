// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ZholException;

/**
 * Sends management requests to the central server's registration listener and asks for their state
 * ({@code POST /managementrequests}, {@code GET /managementrequests/{id}}). The HTTPS implementation
 * pins the listener's certificate ({@code central.HttpsCentralServerClient}).
 */
public interface CentralServerClient {

    /** The outcome of a submission that is known. */
    sealed interface Delivery permits Accepted, Refused {
    }

    /**
     * The central server accepted and stored the request.
     *
     * @param answer its state there
     */
    record Accepted(CentralAnswer answer) implements Delivery {
        public Accepted {
            Objects.requireNonNull(answer, "answer");
        }
    }

    /**
     * The request certainly did not get stored: the central server refused it (its fault code and
     * message), or it was never delivered (e.g. the TLS certificate is not the pinned one).
     *
     * @param fault what to tell the operator
     */
    record Refused(ZholException fault) implements Delivery {
        public Refused {
            Objects.requireNonNull(fault, "fault");
        }
    }

    /**
     * Posts a signed envelope.
     *
     * @throws ZholException when the outcome is unknown: the request may or may not be stored there
     *                       (e.g. {@code NetworkError} after it was sent, an answer that cannot be read)
     */
    Delivery submit(CentralEndpoint endpoint, byte[] envelope);

    /**
     * The central server's state of a request; empty when it has no such request.
     *
     * @throws ZholException when it cannot be asked or its answer cannot be read
     */
    Optional<CentralAnswer> find(CentralEndpoint endpoint, String requestId);
}
