// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.id.IdentifierRules;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.securityserver.registry.ServiceType;

/**
 * Recognises metaservice calls, on the consumer's side before anything is routed (X-Road's rules):
 * <ul>
 *   <li>{@code listClients} is {@code GET /listClients[?xRoadInstance=X]} on the client proxy; the
 *       client proxy answers it itself ({@link ListClients});</li>
 *   <li>over REST, {@code GET /r1/{provider subsystem}/listMethods}, {@code /allowedMethods} and
 *       {@code /getOpenAPI?serviceCode=X}: only GET, any service path or query;</li>
 *   <li>over SOAP, a request whose {@code service} has the code {@code listMethods},
 *       {@code allowedMethods} or {@code getWsdl}, whatever its version.</li>
 * </ul>
 * Other methods or protocols on these codes are not metaservice calls; since the codes are reserved
 * ({@link #isReserved}), they end as {@code UnknownService} at the provider.
 */
public final class Metaservices {

    /** The path of {@code listClients} on the client proxy. */
    public static final String LIST_CLIENTS_PATH = "/listClients";
    /** The query parameter that names another instance for {@code listClients}. */
    public static final String INSTANCE_PARAMETER = "xRoadInstance";

    private Metaservices() {
    }

    /**
     * The metaservice that a service call names, if it is one.
     *
     * @param protocol   REST (r1) or SOAP
     * @param httpMethod the IS request's HTTP method ({@code GET} for a REST metaservice)
     * @param service    the called service, as parsed from the request
     */
    public static Optional<Metaservice> match(ServiceType protocol, String httpMethod, ServiceId service) {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(service, "service");
        Optional<Metaservice> named = Metaservice.byCode(service.serviceCode())
                .filter(m -> m != Metaservice.LIST_CLIENTS)
                .filter(m -> m.protocol().map(p -> p == protocol).orElse(true));
        if (protocol == ServiceType.REST && !"GET".equals(httpMethod)) {
            return Optional.empty();
        }
        return named;
    }

    /**
     * Whether an IS request to the client proxy is {@code listClients}: {@code GET} on exactly
     * {@value #LIST_CLIENTS_PATH}, with an optional query.
     *
     * @param method  the HTTP method
     * @param uri     the request target as received (path and query)
     * @param headers the request headers; {@code Accept: application/json} asks for JSON
     * @throws org.zhol.protocol.error.ZholException {@code BadRequest} when it is {@code listClients} but
     *                                               its query is malformed or names an invalid instance
     */
    public static Optional<ListClientsRequest> matchListClients(String method, String uri, List<HttpHeader> headers) {
        Objects.requireNonNull(uri, "uri");
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        if (!"GET".equals(method) || !LIST_CLIENTS_PATH.equals(path)) {
            return Optional.empty();
        }
        Optional<String> instance = q < 0 ? Optional.empty()
                : QueryParameters.parse(uri.substring(q + 1)).first(INSTANCE_PARAMETER);
        instance.ifPresent(i -> IdentifierRules.code(INSTANCE_PARAMETER, i));
        return Optional.of(new ListClientsRequest(instance, acceptsJson(headers)));
    }

    /** Whether a service code is a metaservice's, which no local service may take (X-Road reserves them). */
    public static boolean isReserved(String serviceCode) {
        return Metaservice.byCode(serviceCode).isPresent();
    }

    /** X-Road answers JSON when the Accept header names {@code application/json}; XML otherwise. */
    static boolean acceptsJson(List<HttpHeader> headers) {
        for (HttpHeader h : headers) {
            if (!h.is("Accept")) {
                continue;
            }
            for (String range : h.value().split(",")) {
                int semicolon = range.indexOf(';');
                String type = (semicolon < 0 ? range : range.substring(0, semicolon)).strip();
                if (type.toLowerCase(Locale.ROOT).equals("application/json")) {
                    return true;
                }
            }
        }
        return false;
    }
}
