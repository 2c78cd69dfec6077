// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.io.InputStream;
import java.util.Objects;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.ServiceId;

/**
 * A SOAP metaservice call as the provider's side sees it: the verified identities, and the IS request
 * body as it was sent (envelope, or a multipart message), which the provider reads up to
 * {@link MetaserviceConfig#maxRequestBytes()}.
 *
 * @param caller      the verified client
 * @param service     the called service: the provider subsystem and the metaservice's code
 * @param contentType the request's {@code Content-Type}
 * @param body        the request body, read once
 */
public record SoapMetaRequest(ClientId caller, ServiceId service, String contentType, InputStream body) {

    public SoapMetaRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }
}
