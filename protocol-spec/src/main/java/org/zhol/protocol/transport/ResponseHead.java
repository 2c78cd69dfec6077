// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.util.List;
import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.rest.HttpHeader;

/**
 * The head of a response ({@code transport.md} §heads): the provider's HTTP status and its headers after
 * {@code HeaderFilter.forwardResponse}.
 *
 * @param protocol the IS protocol, the same as the request's
 * @param status   the provider's HTTP status, 200 to 599
 * @param headers  the header fields passed on, in order
 * @throws ZholException {@code InvalidMessage} for a status out of range; {@code BadRequest} for a header
 *                       value beyond U+00FF
 */
public record ResponseHead(MessageProtocol protocol, int status, List<HttpHeader> headers) implements MessageHead {

    public ResponseHead {
        Objects.requireNonNull(protocol, "protocol");
        if (status < 200 || status > 599) {
            throw ZholException.client(ErrorCode.INVALID_MESSAGE, "A response status must be 200 to 599, not " + status);
        }
        headers = MessageHead.checkHeaders(headers);
    }
}
