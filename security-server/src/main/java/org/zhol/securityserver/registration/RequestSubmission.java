// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registration;

import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.management.ManagementEnvelopeCodec;
import org.zhol.protocol.management.ManagementRequest;
import org.zhol.protocol.management.SignedManagementRequest;

/**
 * Sends signed management requests to the central server and keeps each one: stored as
 * {@link RequestStatus#SENDING} before it leaves, then {@link RequestStatus#SUBMITTED} with the central
 * server's state, {@link RequestStatus#REJECTED}, or {@link RequestStatus#FAILED} with the reason when it
 * was refused. When the outcome is unknown (the connection broke after sending) it stays
 * {@code SENDING}, and {@link #refresh} later asks the central server whether it has it.
 *
 * <p>A request that the central server accepted supersedes the open requests about the same thing:
 * earlier address changes, earlier maintenance requests, earlier registrations or deletions of the same
 * client, earlier registrations of the same certificate.
 */
public final class RequestSubmission {

    private static final Logger LOG = LoggerFactory.getLogger(RequestSubmission.class);

    private final RegistrationContext context;
    private final CentralServerClient client;
    private final CentralSettings settings;

    public RequestSubmission(RegistrationContext context, CentralServerClient client, CentralSettings settings) {
        this.context = context;
        this.client = client;
        this.settings = settings;
    }

    /**
     * Keeps and sends {@code request}, signed as {@code signed}.
     *
     * @return the kept request after the central server's answer
     * @throws ZholException {@code MalformedServerConf} when the central server's URL or pin is not set
     *                       (nothing is kept); the central server's refusal, with its code (the request is
     *                       kept as FAILED); a fault of unknown outcome (kept as SENDING)
     */
    public RegistrationRequest submit(ManagementRequest request, SignedManagementRequest signed) {
        CentralEndpoint endpoint = settings.endpoint();
        RequestType type = RequestType.of(request);
        long generation = context.configuration().status().generation();
        RegistrationRequest sending = RegistrationRequest.sending(request.requestId(), type,
                RequestType.subject(request), now(), generation);
        context.requests().insert(sending);
        CentralServerClient.Delivery delivery;
        try {
            delivery = client.submit(endpoint, ManagementEnvelopeCodec.encode(signed));
        } catch (ZholException e) {
            keep(sending.with(RequestStatus.SENDING, Optional.of("Not known whether the central server received it: "
                    + describe(e)), now()));
            throw e;
        }
        return switch (delivery) {
            case CentralServerClient.Accepted accepted -> {
                RegistrationRequest answered = keep(sending.answered(accepted.answer(), now()));
                if (answered.open()) {
                    supersede(answered);
                }
                LOG.info("Management request {} ({} {}) submitted: {} at the central server", answered.id(),
                        type.wireName(), answered.subject(), accepted.answer().state());
                yield answered;
            }
            case CentralServerClient.Refused refused -> {
                keep(sending.with(RequestStatus.FAILED, Optional.of(describe(refused.fault())), now()));
                LOG.info("Management request {} ({} {}) refused: {}", sending.id(), type.wireName(),
                        sending.subject(), describe(refused.fault()));
                throw refused.fault();
            }
        };
    }

    /**
     * Asks the central server about an open request and keeps its answer: its state (a rejection makes
     * it {@code REJECTED}), or {@code FAILED} when a request still {@code SENDING} is unknown there.
     *
     * @return the request as kept now
     * @throws ZholException when the central server cannot be asked
     */
    public RegistrationRequest refresh(RegistrationRequest request) {
        Optional<CentralAnswer> answer = client.find(settings.endpoint(), request.id());
        // Confirmation may have finished it while the central server was being asked.
        RegistrationRequest current = context.requests().find(request.id()).orElse(request);
        if (!current.open()) {
            return current;
        }
        if (answer.isPresent()) {
            RegistrationRequest answered = current.answered(answer.get(), now());
            boolean same = answered.status() == current.status()
                    && answered.progress().centralState().equals(current.progress().centralState())
                    && answered.progress().detail().equals(current.progress().detail());
            return same ? current : keep(answered);
        }
        if (current.status() == RequestStatus.SENDING) {
            return keep(current.with(RequestStatus.FAILED,
                    Optional.of("The central server has no record of this request; it was never received"), now()));
        }
        return current;
    }


    private void supersede(RegistrationRequest accepted) {
        for (RegistrationRequest other : context.requests().open()) {
            if (other.id().equals(accepted.id())) {
                return; // the ones after it were submitted later
            }
            if (sameMatter(other, accepted)) {
                keep(other.with(RequestStatus.SUPERSEDED, Optional.of("Superseded by request " + accepted.id()),
                        now()));
            }
        }
    }

    /** Whether two requests are about the same thing, so that the later one decides. */
    static boolean sameMatter(RegistrationRequest a, RegistrationRequest b) {
        if (a.type().aboutClient() && b.type().aboutClient()) {
            return a.subject().equals(b.subject());
        }
        return a.type() == b.type() && switch (a.type()) {
            case ADDRESS_CHANGE, MAINTENANCE_MODE -> true;
            default -> a.subject().equals(b.subject());
        };
    }

    private RegistrationRequest keep(RegistrationRequest request) {
        context.requests().update(request);
        return request;
    }

    private Instant now() {
        return context.clock().instant();
    }

    static String describe(ZholException e) {
        return e.faultCode() + ": " + e.detail();
    }
}
