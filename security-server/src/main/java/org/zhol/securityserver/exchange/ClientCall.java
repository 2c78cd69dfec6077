// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.soap.SoapHeader;
import org.zhol.protocol.transport.MessageProtocol;
import org.zhol.protocol.transport.RequestHead;

/**
 * An information system's request as the client proxy understood it: who calls what, the head to send,
 * and the body still streaming. Made by {@link RestCalls} or {@link SoapCalls}.
 *
 * @param protocol      REST or SOAP
 * @param client        the caller
 * @param service       the service called
 * @param messageId     the message id (the IS's, or one this server made)
 * @param requestId     the id this server gave the request ({@code X-Road-Request-Id})
 * @param target        the provider's security server the IS asked for, if any
 * @param head          the request head to send
 * @param body          the body: for SOAP the bytes already read for the header followed by the rest
 * @param contentLength the body's length when the IS declared it
 * @param soapHeader    the SOAP request's X-Road header; empty for REST
 */
public record ClientCall(MessageProtocol protocol, ClientId client, ServiceId service, String messageId,
        String requestId, Optional<SecurityServerId> target, RequestHead head, InputStream body,
        OptionalLong contentLength, Optional<SoapHeader> soapHeader) {

    public ClientCall {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentLength, "contentLength");
        Objects.requireNonNull(soapHeader, "soapHeader");
    }
}
