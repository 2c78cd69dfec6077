// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import java.util.List;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.rest.HttpHeader;

/**
 * The head of a message, the HEAD frame's payload and the {@code head.json} data object: what an HTTP
 * message has apart from its body and what the metadata record already says. Encoded by {@link HeadCodec}.
 *
 * <p><b>Pitfalls:</b> header values travel as the characters an HTTP stack decodes from the octets
 * (ISO-8859-1), so every character must be at most U+00FF.
 */
public sealed interface MessageHead permits RequestHead, ResponseHead {

    /** The IS protocol of the exchange. */
    MessageProtocol protocol();

    /** The header fields passed on, in order. */
    List<HttpHeader> headers();

    /**
     * Checks that every header value is HTTP field octets (characters up to U+00FF).
     *
     * @throws ZholException {@code BadRequest} otherwise
     */
    static List<HttpHeader> checkHeaders(List<HttpHeader> headers) {
        List<HttpHeader> copy = List.copyOf(headers);
        for (HttpHeader header : copy) {
            String value = header.value();
            for (int i = 0; i < value.length(); i++) {
                if (value.charAt(i) > 0xFF) {
                    throw ZholException.client(ErrorCode.BAD_REQUEST, "HTTP header "
                            + Faults.excerpt(header.name()) + " has a character beyond U+00FF");
                }
            }
        }
        return copy;
    }
}
