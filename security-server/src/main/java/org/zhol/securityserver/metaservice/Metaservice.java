// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.util.Optional;
import org.zhol.securityserver.registry.ServiceType;

/**
 * One of X-Road's metaservices, by its reserved service code. {@link #LIST_CLIENTS} is a plain HTTP GET
 * answered by the client proxy; the others are called as services of a provider subsystem, over REST
 * ({@link #protocol()} REST), SOAP, or both.
 */
public enum Metaservice {
    /** {@code GET /listClients}: the members and subsystems of the instance (PR-META §2). */
    LIST_CLIENTS("listClients", Optional.empty()),
    /** Every service of the provider subsystem, REST or SOAP after the protocol of the call. */
    LIST_METHODS("listMethods", Optional.empty()),
    /** The provider's services that the caller holds a right on. */
    ALLOWED_METHODS("allowedMethods", Optional.empty()),
    /** The OpenAPI description of one of the provider's REST services (PR-MREST §5). */
    GET_OPENAPI("getOpenAPI", Optional.of(ServiceType.REST)),
    /** The WSDL of one of the provider's SOAP services, as an attachment (PR-META §4). */
    GET_WSDL("getWsdl", Optional.of(ServiceType.SOAP));

    private final String code;
    private final Optional<ServiceType> protocol;

    Metaservice(String code, Optional<ServiceType> protocol) {
        this.code = code;
        this.protocol = protocol;
    }

    /** The service code, e.g. {@code listMethods}; case-sensitive. */
    public String code() {
        return code;
    }

    /** The only protocol it is called with; empty when it is called with both (or neither). */
    public Optional<ServiceType> protocol() {
        return protocol;
    }

    /** The metaservice with exactly this code. */
    public static Optional<Metaservice> byCode(String code) {
        for (Metaservice m : values()) {
            if (m.code.equals(code)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
