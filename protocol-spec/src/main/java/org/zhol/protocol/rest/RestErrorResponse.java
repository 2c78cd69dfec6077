// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * A rendered REST error response: status, headers ({@code Content-Type} and {@code X-Road-Error}) and
 * the JSON body. Made by {@link RestErrorCodec#render}.
 *
 * @param status  400 for a fault of the caller, 500 otherwise
 * @param headers the headers to set, in order
 * @param body    the JSON body text
 */
public record RestErrorResponse(int status, List<HttpHeader> headers, String body) {

    public RestErrorResponse {
        headers = List.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    /** The body as UTF-8 bytes, which is what {@code Content-Type} declares. */
    public byte[] bodyBytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
