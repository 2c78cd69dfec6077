// SPDX-License-Identifier: MIT
package org.zhol.examples.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;

/**
 * The demo consumer information system: the Tax Board's own system, which calls the Population
 * Register's {@code persons} (REST) and {@code getPerson} (SOAP) through its security server's client
 * proxy, as any X-Road client does. Each call is checked and answered with an {@link Outcome}; nothing
 * throws, so that a load run counts failures instead of stopping at the first. Thread-safe.
 */
public final class DemoConsumer {

    /** The kinds of request the consumer sends. */
    public enum Kind {
        /** {@code GET persons/{id}}. */
        GET_PERSON,
        /** {@code GET persons/?name=}. */
        SEARCH,
        /** {@code POST persons/{id}/address-changes}. */
        ADDRESS_CHANGE,
        /** SOAP {@code getPerson}. */
        SOAP_GET_PERSON
    }

    /**
     * What one call came to.
     *
     * @param kind   what was sent
     * @param status the HTTP status, or 0 when no answer came
     * @param error  null when the answer was the expected one; otherwise the X-Road fault code (from
     *               {@code X-Road-Error} or the SOAP fault), {@code HTTP nnn}, {@code UnexpectedBody}, or
     *               {@code IO: ExceptionName}
     */
    public record Outcome(Kind kind, int status, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private static final Pattern FAULT_CODE = Pattern.compile("<(?:[A-Za-z0-9_-]+:)?faultcode>([^<]*)</");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final String clientProxy;
    private final SubsystemId client;
    private final SubsystemId provider;
    private final String restService;
    private final String soapService;

    /**
     * @param http        the HTTP client (one per consumer; it keeps the connections to the proxy)
     * @param clientProxy the security server's client proxy, {@code http://host:port}
     * @param client      the calling subsystem, sent as {@code X-Road-Client} or SOAP {@code client}
     * @param provider    the subsystem that offers the services
     * @param restService the REST service code ({@code persons} in the sandbox)
     * @param soapService the SOAP service code ({@code getPerson} in the sandbox)
     */
    public DemoConsumer(HttpClient http, URI clientProxy, SubsystemId client, SubsystemId provider,
            String restService, String soapService) {
        this.http = Objects.requireNonNull(http, "http");
        this.clientProxy = clientProxy.toString().replaceAll("/+$", "");
        this.client = Objects.requireNonNull(client, "client");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.restService = Objects.requireNonNull(restService, "restService");
        this.soapService = Objects.requireNonNull(soapService, "soapService");
    }

    /** The REST service's URL on the client proxy, X-Road's {@code /r1/{provider}/{service}}. */
    public String restBase() {
        return clientProxy + "/r1/" + provider.toPath() + "/" + restService;
    }

    /** Asks for one person. */
    public Outcome getPerson(String id) {
        HttpRequest request = rest(restBase() + "/" + id).GET().build();
        return send(Kind.GET_PERSON, request, 200, "\"id\":\"" + id + "\"");
    }

    /** Searches persons by a part of their name. */
    public Outcome search(String name) {
        HttpRequest request = rest(restBase() + "/?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)).GET()
                .build();
        return send(Kind.SEARCH, request, 200, "\"persons\":[");
    }

    /** Records that a person moved. */
    public Outcome changeAddress(String id, String address) {
        String body = "{\"address\":\"" + address.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpRequest request = rest(restBase() + "/" + id + "/address-changes")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return send(Kind.ADDRESS_CHANGE, request, 201, "\"personId\":\"" + id + "\"");
    }

    /** Asks for one person over SOAP; {@code messageId} becomes the header's {@code id}. */
    public Outcome soapGetPerson(String id, String messageId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(clientProxy + "/")).timeout(TIMEOUT)
                .header("Content-Type", "text/xml; charset=UTF-8")
                .POST(BodyPublishers.ofString(soapEnvelope(client, provider.service(soapService), messageId, id),
                        StandardCharsets.UTF_8)).build();
        return send(Kind.SOAP_GET_PERSON, request, 200, "<p:id>" + id + "</p:id>");
    }

    private HttpRequest.Builder rest(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("X-Road-Client", client.toPath());
    }

    private Outcome send(Kind kind, HttpRequest request, int expectedStatus, String expectedText) {
        HttpResponse<String> response;
        try {
            response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outcome(kind, 0, "IO: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(kind, 0, "Interrupted");
        }
        String body = response.body();
        java.util.Optional<String> xroadError = response.headers().firstValue("X-Road-Error");
        if (xroadError.isPresent()) {
            return new Outcome(kind, response.statusCode(), xroadError.get());
        }
        Matcher fault = FAULT_CODE.matcher(body);
        if (kind == Kind.SOAP_GET_PERSON && fault.find()) {
            return new Outcome(kind, response.statusCode(), fault.group(1).strip());
        }
        if (response.statusCode() != expectedStatus) {
            return new Outcome(kind, response.statusCode(), "HTTP " + response.statusCode());
        }
        return new Outcome(kind, response.statusCode(), body.contains(expectedText) ? null : "UnexpectedBody");
    }

    /**
     * A SOAP 4.0 {@code getPerson} request of {@code client} for {@code personId}, to {@code service}
     * (without a version), with message id {@code messageId}.
     */
    public static String soapEnvelope(SubsystemId client, ServiceId service, String messageId, String personId) {
        SubsystemId provider = service.provider();
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <SOAP-ENV:Envelope xmlns:SOAP-ENV="%s"
                    xmlns:xrd="http://x-road.eu/xsd/xroad.xsd" xmlns:id="http://x-road.eu/xsd/identifiers"
                    xmlns:p="%s">
                  <SOAP-ENV:Header>
                    <xrd:client id:objectType="SUBSYSTEM">
                      <id:xRoadInstance>%s</id:xRoadInstance>
                      <id:memberClass>%s</id:memberClass>
                      <id:memberCode>%s</id:memberCode>
                      <id:subsystemCode>%s</id:subsystemCode>
                    </xrd:client>
                    <xrd:service id:objectType="SERVICE">
                      <id:xRoadInstance>%s</id:xRoadInstance>
                      <id:memberClass>%s</id:memberClass>
                      <id:memberCode>%s</id:memberCode>
                      <id:subsystemCode>%s</id:subsystemCode>
                      <id:serviceCode>%s</id:serviceCode>
                    </xrd:service>
                    <xrd:id>%s</xrd:id>
                    <xrd:protocolVersion>4.0</xrd:protocolVersion>
                  </SOAP-ENV:Header>
                  <SOAP-ENV:Body>
                    <p:getPerson>
                      <p:id>%s</p:id>
                    </p:getPerson>
                  </SOAP-ENV:Body>
                </SOAP-ENV:Envelope>
                """.formatted(PersonSoap.SOAP_NS, PersonSoap.NS, client.instance(), client.member().memberClass(),
                client.member().memberCode(), client.subsystemCode(), provider.instance(), provider.member().memberClass(),
                provider.member().memberCode(), provider.subsystemCode(), service.serviceCode(), xml(messageId),
                xml(personId));
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
