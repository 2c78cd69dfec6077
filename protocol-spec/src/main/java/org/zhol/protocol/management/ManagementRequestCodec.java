// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.SecurityServerId;

/**
 * Turns a {@link ManagementRequest} into its canonical JSON and back. Canonical means: one JSON object,
 * keys in ascending code-point order, no whitespace, UTF-8, identifiers in path form, the time as
 * {@code YYYY-MM-DDThh:mm:ssZ}, the certificate as padded base64. One request has exactly one byte
 * form, and {@link #decode} accepts only that form.
 *
 * <p>Fields: {@code formatVersion} (1), {@code type} ({@code authCertReg}, {@code clientReg},
 * {@code clientDeletion}, {@code addressChange}, {@code maintenanceMode}), {@code requestId},
 * {@code createdAt}, {@code server}, and per type {@code address}, {@code authCertificate},
 * {@code client} or {@code enabled}. See {@code protocol-spec/docs/management.md}.
 *
 * <p><b>Limits:</b> {@link ManagementLimits#maxRequestBytes()}, nesting
 * {@link ManagementLimits#MAX_JSON_DEPTH}, and the field rules of the records.
 *
 * <p><b>Pitfalls:</b> decoding is not verification: decode only bytes whose signatures
 * {@link ManagementRequestVerifier} has checked, or use the verifier, which does both.
 */
public final class ManagementRequestCodec {

    /** The format version this codec writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private static final Set<String> COMMON = Set.of("formatVersion", "type", "requestId", "createdAt", "server");

    private ManagementRequestCodec() {
    }

    /** The canonical bytes of {@code request}. */
    public static byte[] encode(ManagementRequest request) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("formatVersion", FORMAT_VERSION);
        fields.put("requestId", request.requestId());
        fields.put("createdAt", request.createdAt().toString());
        fields.put("server", request.server().toPath());
        switch (request) {
            case AuthCertRegistration r -> {
                fields.put("type", "authCertReg");
                fields.put("address", r.address());
                fields.put("authCertificate", ManagementJson.base64(r.authCertificateDer()));
            }
            case ClientRegistration r -> {
                fields.put("type", "clientReg");
                fields.put("client", r.client().toPath());
            }
            case ClientDeletion r -> {
                fields.put("type", "clientDeletion");
                fields.put("client", r.client().toPath());
            }
            case AddressChange r -> {
                fields.put("type", "addressChange");
                fields.put("address", r.address());
            }
            case MaintenanceMode r -> {
                fields.put("type", "maintenanceMode");
                fields.put("enabled", r.enabled());
            }
        }
        ObjectNode node = ManagementJson.object();
        fields.forEach((name, value) -> {
            switch (value) {
                case Integer i -> node.put(name, i);
                case Boolean b -> node.put(name, b);
                default -> node.put(name, (String) value);
            }
        });
        return ManagementJson.write(node);
    }

    /**
     * Reads a request from its canonical bytes.
     *
     * @throws ZholException {@code InvalidRequest} when the bytes are too long, not JSON, have unknown,
     *                       missing or mistyped fields, an unknown type or version, a bad field value, or
     *                       are not in canonical form; {@code InvalidSecurityServer} or
     *                       {@code InvalidClientIdentifier} when an identifier is malformed;
     *                       {@code IncorrectCertificate} when the certificate is not X.509 DER
     */
    public static ManagementRequest decode(byte[] bytes, ManagementLimits limits) {
        ObjectNode node = ManagementJson.parse(bytes, limits.maxRequestBytes(), "The request");
        String type = ManagementJson.text(node, "type");
        Set<String> expected = new TreeSet<>(COMMON);
        expected.addAll(typeFields(type));
        ManagementJson.requireFields(node, expected, "The request");
        if (ManagementJson.integer(node, "formatVersion") != FORMAT_VERSION) {
            throw ManagementJson.invalid("The request has an unsupported formatVersion");
        }
        ManagementRequest request = build(type, node, limits);
        if (!Arrays.equals(encode(request), bytes)) {
            throw ManagementJson.invalid("The request is not in canonical form");
        }
        return request;
    }

    private static Set<String> typeFields(String type) {
        return switch (type) {
            case "authCertReg" -> Set.of("address", "authCertificate");
            case "clientReg", "clientDeletion" -> Set.of("client");
            case "addressChange" -> Set.of("address");
            case "maintenanceMode" -> Set.of("enabled");
            default -> throw ManagementJson.invalid("Unknown request type '" + Faults.excerpt(type) + "'");
        };
    }

    private static ManagementRequest build(String type, JsonNode node, ManagementLimits limits) {
        String id = ManagementJson.text(node, "requestId");
        Instant createdAt = instant(ManagementJson.text(node, "createdAt"));
        SecurityServerId server = identifier(ManagementJson.text(node, "server"), SecurityServerId::parse,
                ErrorCode.INVALID_SECURITY_SERVER);
        return switch (type) {
            case "authCertReg" -> new AuthCertRegistration(id, createdAt, server, ManagementJson.text(node, "address"),
                    ManagementJson.base64(ManagementJson.text(node, "authCertificate"),
                            Math.min(limits.maxRequestBytes(), RequestFields.MAX_CERTIFICATE_BYTES),
                            "The authentication certificate"));
            case "clientReg" -> new ClientRegistration(id, createdAt, server, client(node));
            case "clientDeletion" -> new ClientDeletion(id, createdAt, server, client(node));
            case "addressChange" -> new AddressChange(id, createdAt, server, ManagementJson.text(node, "address"));
            case "maintenanceMode" -> new MaintenanceMode(id, createdAt, server, ManagementJson.bool(node, "enabled"));
            default -> throw new IllegalStateException(type);
        };
    }

    private static ClientId client(JsonNode node) {
        return identifier(ManagementJson.text(node, "client"), ClientId::parse, ErrorCode.INVALID_CLIENT_IDENTIFIER);
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ZholException(FaultCode.of(ErrorCode.INVALID_REQUEST), Origin.CLIENT,
                    "Field 'createdAt' is not an RFC 3339 UTC time", e);
        }
    }

    /** Parses an identifier; its own {@code BadRequest} becomes {@code code}. */
    private static <T> T identifier(String text, Function<String, T> parser, ErrorCode code) {
        try {
            return parser.apply(text);
        } catch (ZholException | IllegalArgumentException e) {
            throw new ZholException(FaultCode.of(code), Origin.CLIENT,
                    "Malformed identifier '" + Faults.excerpt(text) + "': " + e.getMessage(), e);
        }
    }
}
