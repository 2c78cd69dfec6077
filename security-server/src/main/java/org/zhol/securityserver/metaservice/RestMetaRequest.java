// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.rest.RestMethod;

/**
 * A REST metaservice call as the provider's side sees it.
 *
 * @param caller   the verified client ({@code X-Road-Client}, as signed)
 * @param service  the called service: the provider subsystem and the metaservice's code
 * @param method   the HTTP method; only {@code GET} is a metaservice call
 * @param rawQuery the raw query, e.g. {@code serviceCode=listFirms} for {@code getOpenAPI}
 */
public record RestMetaRequest(ClientId caller, ServiceId service, RestMethod method, Optional<String> rawQuery) {

    public RestMetaRequest {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawQuery, "rawQuery");
    }
}
