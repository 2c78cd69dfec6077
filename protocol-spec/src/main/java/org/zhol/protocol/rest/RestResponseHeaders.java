// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.ServiceId;

/**
 * The X-Road-* headers of a REST r1 response, which the provider's security server sets and the
 * consumer's passes on (PR-REST §4.3). All are optional on input, because an error raised by a
 * security server before the exchange carries only {@code X-Road-Error}.
 *
 * @param client      {@code X-Road-Client}: the caller of the request
 * @param service     {@code X-Road-Service}: the called service
 * @param messageId   {@code X-Road-Id}: the message id of the request
 * @param requestId   {@code X-Road-Request-Id}: the consumer server's id of the request
 * @param requestHash {@code X-Road-Request-Hash}: base64 of the request hash ({@link RestRequestHash})
 * @param error       {@code X-Road-Error}: the fault code, present only when a security server failed
 *
 * <p><b>Pitfalls:</b> the request hash is kept as text and compared with
 * {@link RestRequestHash#verify(String, String)}; PR-REST's own header list shows a UUID there.
 */
public record RestResponseHeaders(Optional<ClientId> client, Optional<ServiceId> service,
        Optional<String> messageId, Optional<String> requestId, Optional<String> requestHash,
        Optional<String> error) {

    public RestResponseHeaders {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(service, "service");
        RestHeaderCodec.checkText(RestHeaderCodec.ID, messageId);
        RestHeaderCodec.checkText(RestHeaderCodec.REQUEST_ID, requestId);
        RestHeaderCodec.checkText(RestHeaderCodec.REQUEST_HASH, requestHash);
        RestHeaderCodec.checkText(RestHeaderCodec.ERROR, error);
    }

    /** The {@code X-Road-Error} value as a fault code, when present and known (either spelling). */
    public Optional<FaultCode> errorCode() {
        return error.flatMap(FaultCode::tryParse);
    }
}
