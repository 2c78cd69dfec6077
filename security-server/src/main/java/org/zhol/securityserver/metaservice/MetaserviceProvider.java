// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.MemberDirectory;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.IdentifierRules;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.securityserver.registry.ServiceType;

/**
 * Answers the metaservices of a provider subsystem hosted on this server, in place of its information
 * system: {@code listMethods}, {@code allowedMethods} and {@code getOpenAPI} over REST, and
 * {@code listMethods}, {@code allowedMethods} and {@code getWsdl} over SOAP. The server proxy calls it
 * after the caller's signature is verified and instead of the access check, since metaservices are open
 * to every verified caller; {@code allowedMethods} and the description rule
 * ({@link MetaserviceConfig.DescriptionAccess}) use the caller's rights.
 *
 * <p>Faults, thrown for the exchange's error mapper to render (REST JSON or SOAP fault):
 * <ul>
 *   <li>{@code UnknownService}: not a metaservice call (wrong code, or REST with another method than
 *       GET); the described service does not exist or has no description URL;</li>
 *   <li>{@code UnknownMember}: the provider subsystem is not hosted here;</li>
 *   <li>{@code InvalidRequest}: {@code getOpenAPI} without {@code serviceCode}, {@code getWsdl} without
 *       {@code serviceCode}; {@code BadRequest}: a malformed code or query;</li>
 *   <li>{@code AccessDenied}: a description asked for by a caller with no right on the service, when
 *       access is {@code RESTRICTED};</li>
 *   <li>{@code InvalidServiceType}: {@code getWsdl} of a REST service, {@code getOpenAPI} of a SOAP one;</li>
 *   <li>{@code InconsistentHeaders}: a SOAP header whose client or service is not the verified one;</li>
 *   <li>the SOAP codec's codes for a malformed SOAP request, {@code InvalidSoap} over
 *       {@link MetaserviceConfig#maxRequestBytes()};</li>
 *   <li>{@code ServiceFailed.NetworkError}, {@code .HttpError}, {@code .InvalidResponse}: fetching or
 *       reading the description failed ({@link DescriptionClient}, {@link OpenApiRewriter},
 *       {@link WsdlRewriter}).</li>
 * </ul>
 */
public final class MetaserviceProvider {

    /** The content type of a {@code getOpenAPI} answer whose document came without one (X-Road's). */
    public static final String DEFAULT_OPENAPI_TYPE = "text/plain";

    private final ServiceRegistry registry;
    private final ServiceCatalog catalog;
    private final DescriptionClient descriptions;
    private final MetaserviceConfig config;
    private final OpenApiRewriter openApi;
    private final WsdlRewriter wsdl;

    public MetaserviceProvider(ServiceRegistry registry, DescriptionClient descriptions, MetaserviceConfig config) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.catalog = new ServiceCatalog(registry);
        this.descriptions = Objects.requireNonNull(descriptions, "descriptions");
        this.config = Objects.requireNonNull(config, "config");
        this.openApi = new OpenApiRewriter(config.maxDocumentBytes());
        this.wsdl = new WsdlRewriter();
    }

    /**
     * Answers a REST metaservice call.
     *
     * @param directory the global configuration the exchange holds (global groups for the caller's rights)
     */
    public MetaserviceResponse answer(RestMetaRequest request, MemberDirectory directory) {
        Metaservice which = metaservice(ServiceType.REST, request.method().name(), request.service());
        SubsystemId provider = hosted(request.service());
        return switch (which) {
            case LIST_METHODS -> MetaserviceResponse.ok(RestMethodListCodec.CONTENT_TYPE,
                    RestMethodListCodec.write(catalog.list(provider, ServiceType.REST)));
            case ALLOWED_METHODS -> MetaserviceResponse.ok(RestMethodListCodec.CONTENT_TYPE, RestMethodListCodec.write(
                    catalog.allowed(provider, ServiceType.REST, request.caller(), directory)));
            case GET_OPENAPI -> openApi(request, provider, directory);
            default -> throw notAMetaservice(request.service());
        };
    }

    /**
     * Answers a SOAP metaservice call; reads the request body.
     *
     * @param directory the global configuration the exchange holds (global groups for the caller's rights)
     */
    public MetaserviceResponse answer(SoapMetaRequest request, MemberDirectory directory) {
        Metaservice which = metaservice(ServiceType.SOAP, "POST", request.service());
        SoapMetaCodec.Call call = SoapMetaCodec.read(request.contentType(), request.body(), config.maxRequestBytes());
        if (!call.header().client().equals(request.caller()) || !call.header().service().equals(request.service())) {
            throw ZholException.client(ErrorCode.INCONSISTENT_HEADERS,
                    "The SOAP header names another client or service than the message");
        }
        SubsystemId provider = hosted(request.service());
        var responseHeader = call.header().withRequestHash(call.requestHash());
        return switch (which) {
            case LIST_METHODS -> MetaserviceResponse.ok(SoapMetaCodec.XML_TYPE, SoapMetaCodec.methodList(responseHeader,
                    which, ids(catalog.list(provider, ServiceType.SOAP))));
            case ALLOWED_METHODS -> MetaserviceResponse.ok(SoapMetaCodec.XML_TYPE, SoapMetaCodec.methodList(
                    responseHeader, which, ids(catalog.allowed(provider, ServiceType.SOAP, request.caller(), directory))));
            case GET_WSDL -> {
                SoapMetaCodec.DescribedService described = call.described().orElseThrow();
                LocalService service = describable(request.caller(), provider, described.serviceCode(),
                        described.serviceVersion(), ServiceType.SOAP, directory);
                URI url = descriptionUrl(service, "WSDL");
                byte[] document = wsdl.rewrite(descriptions.fetch(url).bytes());
                yield SoapMetaCodec.wsdl(responseHeader, described, document);
            }
            default -> throw notAMetaservice(request.service());
        };
    }

    private MetaserviceResponse openApi(RestMetaRequest request, SubsystemId provider, MemberDirectory directory) {
        String code = request.rawQuery().map(QueryParameters::parse)
                .flatMap(q -> q.firstIgnoringCase("serviceCode")).filter(c -> !c.isEmpty())
                .orElseThrow(() -> ZholException.client(ErrorCode.INVALID_REQUEST, "Missing serviceCode in the query"));
        IdentifierRules.code("serviceCode", code);
        LocalService service = describable(request.caller(), provider, code, Optional.empty(), ServiceType.REST, directory);
        URI url = descriptionUrl(service, "OpenAPI description");
        DescriptionClient.Document document = descriptions.fetch(url);
        byte[] rewritten = openApi.rewrite(document.bytes(), document.contentType(), url);
        return MetaserviceResponse.ok(document.contentType().orElse(DEFAULT_OPENAPI_TYPE), rewritten);
    }

    /** The service whose description is asked for, once the caller may see it and its type fits. */
    private LocalService describable(ClientId caller, SubsystemId provider, String code, Optional<String> version,
            ServiceType type, MemberDirectory directory) {
        LocalService service = catalog.find(provider, code, version);
        if (config.descriptionAccess() == MetaserviceConfig.DescriptionAccess.RESTRICTED
                && !catalog.mayUse(caller, provider, code, directory)) {
            throw ZholException.client(ErrorCode.ACCESS_DENIED, "Request is not allowed: " + service.id());
        }
        if (service.type() != type) {
            throw ZholException.client(ErrorCode.INVALID_SERVICE_TYPE, "Service " + service.id() + " is a "
                    + service.type() + " service and has no " + (type == ServiceType.REST ? "OpenAPI description" : "WSDL"));
        }
        return service;
    }

    private static URI descriptionUrl(LocalService service, String what) {
        return service.descriptionUrl().orElseThrow(() -> ZholException.client(ErrorCode.UNKNOWN_SERVICE,
                "Service " + service.id() + " has no " + what));
    }

    private static Metaservice metaservice(ServiceType protocol, String method, ServiceId service) {
        return Metaservices.match(protocol, method, service).orElseThrow(() -> notAMetaservice(service));
    }

    private SubsystemId hosted(ServiceId service) {
        return registry.client(service.provider()).id();
    }

    private static List<ServiceId> ids(List<ServiceCatalog.Entry> entries) {
        return entries.stream().map(e -> e.service().id()).toList();
    }

    private static ZholException notAMetaservice(ServiceId service) {
        return ZholException.client(ErrorCode.UNKNOWN_SERVICE, "Unknown service: " + service);
    }
}
