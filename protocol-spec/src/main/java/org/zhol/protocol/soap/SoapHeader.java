// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import org.zhol.protocol.id.RepresentedParty;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.ServiceId;

/**
 * The X-Road header of a SOAP 4.0 request or response (PR-MESS §2.2), plus the two header extensions
 * X-Road reads: the target security server (PR-TARGETSS) and the represented party (PR-REPREP).
 *
 * <p>Header elements that are not listed here (for example {@code centralService}, which Zhol does not
 * support, or a provider's own headers) are skipped when read and not written: they survive only where
 * the original bytes are forwarded, which is how the security servers pass a message on.
 *
 * @param client          the calling member or subsystem
 * @param service         the service called; always of a subsystem in Zhol
 * @param id              the message id chosen by the client, verbatim
 * @param userId          the user who caused the request, verbatim
 * @param issue           the case or document the request belongs to, verbatim
 * @param protocolVersion the protocol version, {@code 4.x}; Zhol writes {@value #PROTOCOL_VERSION}
 * @param requestHash     in responses: the hash of the request
 * @param securityServer  a specific provider security server to route to
 * @param representedParty the party the client represents
 */
public record SoapHeader(ClientId client, ServiceId service, String id, Optional<String> userId,
        Optional<String> issue, String protocolVersion, Optional<RequestHash> requestHash,
        Optional<SecurityServerId> securityServer, Optional<RepresentedParty> representedParty) {

    /** The version Zhol writes. */
    public static final String PROTOCOL_VERSION = "4.0";
    /** Every version whose text starts with this is accepted, as X-Road accepts any 4.x. */
    public static final String PROTOCOL_VERSION_PREFIX = "4.";

    public SoapHeader {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(issue, "issue");
        Objects.requireNonNull(protocolVersion, "protocolVersion");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(securityServer, "securityServer");
        Objects.requireNonNull(representedParty, "representedParty");
        if (!protocolVersion.startsWith(PROTOCOL_VERSION_PREFIX)) {
            throw ZholException.client(ErrorCode.INVALID_PROTOCOL_VERSION, "Invalid protocol version (supported: "
                    + PROTOCOL_VERSION_PREFIX + "x, provided: " + org.zhol.protocol.error.Faults.excerpt(protocolVersion) + ")");
        }
    }

    /** A request header with the mandatory fields and version {@value #PROTOCOL_VERSION}. */
    public static SoapHeader request(ClientId client, ServiceId service, String id) {
        return new SoapHeader(client, service, id, Optional.empty(), Optional.empty(), PROTOCOL_VERSION,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** This header with {@code hash} as its request hash, replacing any other: a response's header. */
    public SoapHeader withRequestHash(RequestHash hash) {
        return new SoapHeader(client, service, id, userId, issue, protocolVersion, Optional.of(hash),
                securityServer, representedParty);
    }

    /** This header with the given user id. */
    public SoapHeader withUserId(String newUserId) {
        return new SoapHeader(client, service, id, Optional.of(newUserId), issue, protocolVersion, requestHash,
                securityServer, representedParty);
    }

    /** This header without a request hash, as a request carries it. */
    public SoapHeader withoutRequestHash() {
        return new SoapHeader(client, service, id, userId, issue, protocolVersion, Optional.empty(),
                securityServer, representedParty);
    }
}
