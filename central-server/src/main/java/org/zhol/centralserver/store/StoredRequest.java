// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A management request as the central server keeps it.
 *
 * @param id         the sender's request id (a lower-case UUID)
 * @param type       the request type's wire name, e.g. {@code authCertReg}
 * @param server     the security server, path form
 * @param subject    what the request is about on that server: a certificate hash, a client, an address
 * @param payload    the signed envelope exactly as received (evidence)
 * @param state      its state
 * @param applied    whether its registry change is done (meaningful for {@code APPROVED})
 * @param receivedAt when it was accepted
 * @param decidedAt  when it was decided, unless pending
 * @param decidedBy  who decided: a token name, or {@code policy:...}
 * @param reason     why it was rejected or revoked, if a reason was given
 */
public record StoredRequest(String id, String type, String server, String subject, byte[] payload,
        RequestState state, boolean applied, Instant receivedAt, Optional<Instant> decidedAt,
        Optional<String> decidedBy, Optional<String> reason) {

    public StoredRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(subject, "subject");
        payload = payload.clone();
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(reason, "reason");
    }

    /** The envelope; a copy. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredRequest that && id.equals(that.id) && type.equals(that.type)
                && server.equals(that.server) && subject.equals(that.subject) && Arrays.equals(payload, that.payload)
                && state == that.state && applied == that.applied && receivedAt.equals(that.receivedAt)
                && decidedAt.equals(that.decidedAt) && decidedBy.equals(that.decidedBy) && reason.equals(that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "StoredRequest[" + id + ", " + type + ", " + server + ", " + subject + ", " + state
                + (applied ? ", applied" : "") + "]";
    }
}
