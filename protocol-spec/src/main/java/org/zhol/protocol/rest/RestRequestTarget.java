// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ServiceId;

/**
 * The request target of a REST r1 call, {@code /r1/{serviceId}[/path][?query]}, taken apart.
 *
 * @param service     the called service; REST service ids carry no version
 * @param servicePath the rest of the path, still percent-encoded exactly as received: empty, or
 *                    starting with '/'; it is what the provider sees after its base URL
 * @param rawQuery    the query after '?', still percent-encoded and passed on unmodified
 *                    (PR-REST §4.5); present but empty for a bare '?'
 *
 * <p><b>Pitfalls:</b> the service path is never decoded here, because a provider may give
 * {@code %2B} and {@code +} different meanings; it is only checked, so that it holds no dot-segment
 * and no encoded '/' or '\' in any form (see {@link RestTargetCodec}).
 */
public record RestRequestTarget(ServiceId service, String servicePath, Optional<String> rawQuery) {

    public RestRequestTarget {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(servicePath, "servicePath");
        Objects.requireNonNull(rawQuery, "rawQuery");
        if (service.serviceVersion().isPresent()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST,
                    "A REST service identifier has no version: " + service);
        }
        RestTargetCodec.checkServicePath(servicePath);
        rawQuery.ifPresent(RestTargetCodec::checkQuery);
    }

    /** A target with no service path and no query. */
    public static RestRequestTarget of(ServiceId service) {
        return new RestRequestTarget(service, "", Optional.empty());
    }

    /** The client-side form, {@code /r1/INSTANCE/CLASS/CODE/SUBSYSTEM/SERVICE[/path][?query]}. */
    public String toPath() {
        return RestTargetCodec.clientPath(this);
    }
}
