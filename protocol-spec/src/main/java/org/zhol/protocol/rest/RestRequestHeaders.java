// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import org.zhol.protocol.id.RepresentedParty;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SecurityServerId;

/**
 * The X-Road-* headers of a REST r1 request (PR-REST §4.3).
 *
 * @param client           {@code X-Road-Client}, mandatory: the calling member or subsystem
 * @param messageId        {@code X-Road-Id}: the message id; the consumer's server makes one when absent
 * @param userId           {@code X-Road-UserId}: the user behind the call, e.g. {@code EE12345678901}
 * @param issue            {@code X-Road-Issue}: the case or document that caused the call
 * @param securityServer   {@code X-Road-Security-Server}: send to this provider server only
 * @param representedParty {@code X-Road-Represented-Party}: the party the client acts for
 * @param requestId        {@code X-Road-Request-Id}: the id the consumer's server gives each request;
 *                         a client information system does not send it (see {@link HeaderFilter})
 *
 * <p><b>Pitfalls:</b> the free-text values are opaque: they are checked for control characters
 * only, and compared byte for byte.
 */
public record RestRequestHeaders(ClientId client, Optional<String> messageId, Optional<String> userId,
        Optional<String> issue, Optional<SecurityServerId> securityServer,
        Optional<RepresentedParty> representedParty, Optional<String> requestId) {

    public RestRequestHeaders {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(securityServer, "securityServer");
        Objects.requireNonNull(representedParty, "representedParty");
        RestHeaderCodec.checkText(RestHeaderCodec.ID, messageId);
        RestHeaderCodec.checkText(RestHeaderCodec.USER_ID, userId);
        RestHeaderCodec.checkText(RestHeaderCodec.ISSUE, issue);
        RestHeaderCodec.checkText(RestHeaderCodec.REQUEST_ID, requestId);
    }

    /** Headers with only the mandatory client. */
    public static RestRequestHeaders of(ClientId client) {
        return new RestRequestHeaders(client, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
