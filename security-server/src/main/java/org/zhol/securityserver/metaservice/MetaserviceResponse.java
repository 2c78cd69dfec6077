// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.rest.HttpHeader;

/**
 * A metaservice's answer, ready to become the HTTP response (client proxy) or the response message
 * (server proxy): a status, the headers of the provider's side ({@code Content-Type}; the exchange adds
 * the X-Road headers as for any response) and the whole body.
 *
 * <p>The body is held in memory: metaservice answers are bounded by the registry's size and by
 * {@link MetaserviceConfig#maxDocumentBytes()}.
 *
 * @param status  the HTTP status; 200 for every answer (failures are thrown as
 *                {@link org.zhol.protocol.error.ZholException})
 * @param headers the headers; at least {@code Content-Type}
 * @param body    the body bytes (copied)
 */
public record MetaserviceResponse(int status, List<HttpHeader> headers, byte[] body) {

    public MetaserviceResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        headers = List.copyOf(headers);
        body = body.clone();
    }

    /** A 200 answer with this content type. */
    static MetaserviceResponse ok(String contentType, byte[] body) {
        return new MetaserviceResponse(200, List.of(new HttpHeader("Content-Type", contentType)), body);
    }

    /** The body bytes (a copy). */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as a stream, for a responder that copies it. */
    public InputStream openBody() {
        return new ByteArrayInputStream(body);
    }

    /** The body's length, for {@code Content-Length}. */
    public int length() {
        return body.length;
    }

    /** The {@code Content-Type} header's value. */
    public Optional<String> contentType() {
        return headers.stream().filter(h -> h.is("Content-Type")).map(HttpHeader::value).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetaserviceResponse r && status == r.status && headers.equals(r.headers)
                && java.util.Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * status + headers.hashCode()) + java.util.Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "MetaserviceResponse[status=" + status + ", headers=" + headers + ", " + body.length + " bytes]";
    }
}
