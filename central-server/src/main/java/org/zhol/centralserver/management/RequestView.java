// SPDX-License-Identifier: MIT
package org.zhol.centralserver.management;

import org.zhol.centralserver.store.StoredRequest;

/**
 * A management request as the APIs show it (JSON). The envelope is not included; {@code GET
 * /requests/{id}/envelope} on the admin API gives it.
 *
 * @param id         the request id
 * @param type       {@code authCertReg}, {@code clientReg}, {@code clientDeletion}, {@code addressChange} or
 *                   {@code maintenanceMode}
 * @param server     the security server
 * @param subject    the certificate hash, client, address or {@code on}/{@code off}
 * @param state      {@code PENDING}, {@code APPROVED}, {@code REJECTED} or {@code REVOKED}
 * @param receivedAt when it was accepted
 * @param decidedAt  when it was decided, or null
 * @param decidedBy  the deciding token's name or {@code policy:...}; null on the registration listener
 * @param reason     why it was rejected or revoked, or null
 */
public record RequestView(String id, String type, String server, String subject, String state, String receivedAt,
        String decidedAt, String decidedBy, String reason) {

    /** The admin API's view, with who decided. */
    public static RequestView of(StoredRequest r) {
        return new RequestView(r.id(), r.type(), r.server(), r.subject(), r.state().name(), r.receivedAt().toString(),
                r.decidedAt().map(Object::toString).orElse(null), r.decidedBy().orElse(null), r.reason().orElse(null));
    }

    /** The security server's view: without the deciding token's name. */
    public static RequestView forSender(StoredRequest r) {
        RequestView full = of(r);
        return new RequestView(full.id, full.type, full.server, full.subject, full.state, full.receivedAt,
                full.decidedAt, null, full.reason);
    }
}
