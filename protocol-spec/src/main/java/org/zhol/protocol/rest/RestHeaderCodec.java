// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import org.zhol.protocol.id.RepresentedParty;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;

/**
 * Parses and emits the X-Road-* headers of REST r1 requests and responses (PR-REST §4.3).
 *
 * <p>Names match case-insensitively; values lose surrounding spaces and tabs. Identifier values
 * are {@code /}-separated codes, each percent-encoded UTF-8. Other headers are ignored here.
 *
 * <p>Faults, all with {@code Origin.CLIENT}: a missing or malformed {@code X-Road-Client}, and a
 * malformed {@code X-Road-Security-Server} or {@code X-Road-Service}, give
 * {@code InvalidClientIdentifier}; one of these headers twice gives {@code DuplicateHeaderField};
 * too many headers, a value over the limit, an empty or control-character value, or a malformed
 * {@code X-Road-Represented-Party} give {@code BadRequest}.
 *
 * <p><b>Limits:</b> {@link RestLimits#maxHeaderCount()} and {@link RestLimits#maxHeaderValueLength()}.
 *
 * <p><b>Pitfalls:</b> X-Road itself keeps the last of repeated X-Road-* headers; Zhol refuses them,
 * so that two parties can never read different values from one message.
 */
public final class RestHeaderCodec {

    public static final String CLIENT = "X-Road-Client";
    public static final String SERVICE = "X-Road-Service";
    public static final String ID = "X-Road-Id";
    public static final String USER_ID = "X-Road-UserId";
    public static final String ISSUE = "X-Road-Issue";
    public static final String SECURITY_SERVER = "X-Road-Security-Server";
    public static final String REPRESENTED_PARTY = "X-Road-Represented-Party";
    public static final String REQUEST_ID = "X-Road-Request-Id";
    public static final String REQUEST_HASH = "X-Road-Request-Hash";
    public static final String ERROR = "X-Road-Error";

    private static final Set<String> REQUEST_NAMES =
            lower(CLIENT, ID, USER_ID, ISSUE, SECURITY_SERVER, REPRESENTED_PARTY, REQUEST_ID);
    private static final Set<String> RESPONSE_NAMES =
            lower(CLIENT, SERVICE, ID, REQUEST_ID, REQUEST_HASH, ERROR);

    private RestHeaderCodec() {
    }

    /** {@link #parseRequest(List, RestLimits)} with {@link RestLimits#DEFAULTS}. */
    public static RestRequestHeaders parseRequest(List<HttpHeader> headers) {
        return parseRequest(headers, RestLimits.DEFAULTS);
    }

    /** Reads the X-Road-* request headers; {@code X-Road-Client} is mandatory. */
    public static RestRequestHeaders parseRequest(List<HttpHeader> headers, RestLimits limits) {
        Map<String, String> v = collect(headers, REQUEST_NAMES, limits);
        String client = v.get(key(CLIENT));
        if (client == null) {
            throw ZholException.client(ErrorCode.INVALID_CLIENT_IDENTIFIER, "The " + CLIENT + " header is missing");
        }
        return new RestRequestHeaders(decodeClient(client, CLIENT), text(v, ID), text(v, USER_ID), text(v, ISSUE),
                opt(v, SECURITY_SERVER, RestHeaderCodec::decodeServer),
                opt(v, REPRESENTED_PARTY, RestHeaderCodec::decodeParty), text(v, REQUEST_ID));
    }

    /** The request headers in a fixed order, with canonical names. */
    public static List<HttpHeader> emitRequest(RestRequestHeaders h) {
        List<HttpHeader> out = new ArrayList<>();
        out.add(new HttpHeader(CLIENT, RestTargetCodec.encodeId(h.client())));
        h.messageId().ifPresent(x -> out.add(new HttpHeader(ID, x)));
        h.userId().ifPresent(x -> out.add(new HttpHeader(USER_ID, x)));
        h.issue().ifPresent(x -> out.add(new HttpHeader(ISSUE, x)));
        h.securityServer().ifPresent(x -> out.add(new HttpHeader(SECURITY_SERVER, RestTargetCodec.encodeId(x))));
        h.representedParty().ifPresent(x -> out.add(new HttpHeader(REPRESENTED_PARTY, representedPartyValue(x))));
        h.requestId().ifPresent(x -> out.add(new HttpHeader(REQUEST_ID, x)));
        return List.copyOf(out);
    }

    /** {@link #parseResponse(List, RestLimits)} with {@link RestLimits#DEFAULTS}. */
    public static RestResponseHeaders parseResponse(List<HttpHeader> headers) {
        return parseResponse(headers, RestLimits.DEFAULTS);
    }

    /** Reads the X-Road-* response headers; all are optional. */
    public static RestResponseHeaders parseResponse(List<HttpHeader> headers, RestLimits limits) {
        Map<String, String> v = collect(headers, RESPONSE_NAMES, limits);
        return new RestResponseHeaders(opt(v, CLIENT, s -> decodeClient(s, CLIENT)),
                opt(v, SERVICE, RestHeaderCodec::decodeService), text(v, ID), text(v, REQUEST_ID),
                text(v, REQUEST_HASH), text(v, ERROR));
    }

    /** The response headers in a fixed order, with canonical names. */
    public static List<HttpHeader> emitResponse(RestResponseHeaders h) {
        List<HttpHeader> out = new ArrayList<>();
        h.client().ifPresent(x -> out.add(new HttpHeader(CLIENT, RestTargetCodec.encodeId(x))));
        h.service().ifPresent(x -> out.add(new HttpHeader(SERVICE, RestTargetCodec.encodeId(x))));
        h.messageId().ifPresent(x -> out.add(new HttpHeader(ID, x)));
        h.requestId().ifPresent(x -> out.add(new HttpHeader(REQUEST_ID, x)));
        h.requestHash().ifPresent(x -> out.add(new HttpHeader(REQUEST_HASH, x)));
        h.error().ifPresent(x -> out.add(new HttpHeader(ERROR, x)));
        return List.copyOf(out);
    }

    /** The {@code X-Road-Represented-Party} value: {@code CLASS/CODE} or {@code CODE}, each part percent-encoded. */
    public static String representedPartyValue(RepresentedParty party) {
        String code = PercentCodec.encode(party.partyCode());
        return party.partyClass().map(c -> PercentCodec.encode(c) + "/" + code).orElse(code);
    }

    private static Map<String, String> collect(List<HttpHeader> headers, Set<String> names, RestLimits limits) {
        if (headers.size() > limits.maxHeaderCount()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST,
                    "The message has more than " + limits.maxHeaderCount() + " header fields");
        }
        Map<String, String> values = new HashMap<>();
        for (HttpHeader h : headers) {
            String name = h.lowerName();
            if (!names.contains(name)) {
                continue;
            }
            if (h.value().length() > limits.maxHeaderValueLength()) {
                throw ZholException.client(ErrorCode.BAD_REQUEST, "The " + h.name() + " header is longer than "
                        + limits.maxHeaderValueLength() + " characters");
            }
            if (values.putIfAbsent(name, trim(h.value())) != null) {
                throw ZholException.client(ErrorCode.DUPLICATE_HEADER_FIELD,
                        "The " + h.name() + " header appears more than once");
            }
        }
        return values;
    }

    private static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    private static Optional<String> text(Map<String, String> values, String name) {
        return Optional.ofNullable(values.get(key(name)));
    }

    private static <T> Optional<T> opt(Map<String, String> values, String name, Function<String, T> decoder) {
        String value = values.get(key(name));
        return value == null ? Optional.empty() : Optional.of(decoder.apply(value));
    }

    /** Decodes {@code INSTANCE/CLASS/CODE[/SUBSYSTEM]}. */
    static ClientId decodeClient(String value, String header) {
        List<String> p = decodeParts(value, 3, 4, header, ErrorCode.INVALID_CLIENT_IDENTIFIER);
        return build(header, ErrorCode.INVALID_CLIENT_IDENTIFIER, () -> {
            MemberId member = new MemberId(p.get(0), p.get(1), p.get(2));
            return p.size() == 3 ? member : new SubsystemId(member, p.get(3));
        });
    }

    private static SecurityServerId decodeServer(String value) {
        List<String> p = decodeParts(value, 4, 4, SECURITY_SERVER, ErrorCode.INVALID_CLIENT_IDENTIFIER);
        return build(SECURITY_SERVER, ErrorCode.INVALID_CLIENT_IDENTIFIER,
                () -> new SecurityServerId(new MemberId(p.get(0), p.get(1), p.get(2)), p.get(3)));
    }

    private static ServiceId decodeService(String value) {
        List<String> p = decodeParts(value, 5, 5, SERVICE, ErrorCode.INVALID_CLIENT_IDENTIFIER);
        return build(SERVICE, ErrorCode.INVALID_CLIENT_IDENTIFIER,
                () -> new SubsystemId(new MemberId(p.get(0), p.get(1), p.get(2)), p.get(3)).service(p.get(4)));
    }

    private static RepresentedParty decodeParty(String value) {
        List<String> p = decodeParts(value, 1, 2, REPRESENTED_PARTY, ErrorCode.BAD_REQUEST);
        return build(REPRESENTED_PARTY, ErrorCode.BAD_REQUEST, () -> p.size() == 1
                ? new RepresentedParty(Optional.empty(), p.get(0))
                : new RepresentedParty(Optional.of(p.get(0)), p.get(1)));
    }

    private static List<String> decodeParts(String value, int min, int max, String header, ErrorCode code) {
        String[] raw = value.split("/", -1);
        if (raw.length < min || raw.length > max) {
            throw ZholException.client(code, "The " + header + " header '" + Faults.excerpt(value) + "' must have "
                    + (min == max ? min : min + " to " + max) + " parts separated by '/'");
        }
        List<String> parts = new ArrayList<>(raw.length);
        for (String r : raw) {
            parts.add(build(header, code, () -> PercentCodec.decode(r, header + " part")));
        }
        return parts;
    }

    private static <T> T build(String header, ErrorCode code, java.util.function.Supplier<T> builder) {
        try {
            return builder.get();
        } catch (ZholException e) {
            throw ZholException.client(code, "Invalid " + header + " header: " + e.detail());
        }
    }

    /** Checks an optional free-text header value: non-empty and free of control characters. */
    static void checkText(String header, Optional<String> value) {
        if (value == null) {
            throw new NullPointerException(header);
        }
        value.ifPresent(v -> {
            if (v.isEmpty()) {
                throw ZholException.client(ErrorCode.BAD_REQUEST, "The " + header + " header is empty");
            }
            for (int i = 0; i < v.length(); i++) {
                if (Character.isISOControl(v.charAt(i))) {
                    throw ZholException.client(ErrorCode.BAD_REQUEST,
                            "The " + header + " header contains a control character");
                }
            }
        });
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static Set<String> lower(String... names) {
        Set<String> out = new java.util.HashSet<>();
        for (String n : names) {
            out.add(key(n));
        }
        return Set.copyOf(out);
    }
}
