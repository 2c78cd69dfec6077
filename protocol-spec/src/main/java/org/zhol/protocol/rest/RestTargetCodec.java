// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.id.XRoadId;

/**
 * Parses and emits REST r1 request targets ({@code /r1/{serviceId}[/path][?query]}, PR-REST §4.1,
 * §4.2, §4.5) and builds the provider-side URI.
 *
 * <p>Checks, in order, each failing with {@code BadRequest} unless said otherwise: the target is
 * non-empty, at most {@link RestLimits#maxTargetLength()} long and in origin form; it holds only
 * URI characters and well-formed {@code %HH} escapes; the first segment is exactly {@code r1}
 * ({@code InvalidProtocolVersion} otherwise); five identifier segments follow, none a dot-segment;
 * each decodes as UTF-8 to a valid code ({@code InvalidClientIdentifier} otherwise, which also
 * covers an encoded '/'); the service path has no dot-segment and no encoded '/', '\' or control
 * character.
 *
 * <p><b>Limits:</b> see {@link RestLimits}; identifier codes are at most
 * {@link org.zhol.protocol.id.IdentifierRules#MAX_CODE_LENGTH} characters.
 *
 * <p><b>Pitfalls:</b> PR-REST allows a service of a member without a subsystem; Zhol requires the
 * subsystem, so exactly five identifier segments follow {@code r1} and the sixth segment on is the
 * service path.
 */
public final class RestTargetCodec {

    /** The only protocol version segment accepted and emitted. */
    public static final String PROTOCOL_VERSION = "r1";

    private static final int ID_SEGMENTS = 5;

    private RestTargetCodec() {
    }

    /** {@link #parse(String, RestLimits)} with {@link RestLimits#DEFAULTS}. */
    public static RestRequestTarget parse(String target) {
        return parse(target, RestLimits.DEFAULTS);
    }

    /**
     * Takes a request target apart.
     *
     * @param target the origin-form request target as received, e.g. {@code /r1/EE/GOV/123/SUB/svc/a?b=1}
     * @throws ZholException {@code BadRequest}, {@code InvalidProtocolVersion} or
     *                       {@code InvalidClientIdentifier}, with {@link Origin#CLIENT}
     */
    public static RestRequestTarget parse(String target, RestLimits limits) {
        if (target == null || target.isEmpty()) {
            throw bad("The request target is empty");
        }
        if (target.length() > limits.maxTargetLength()) {
            throw bad("The request target is longer than " + limits.maxTargetLength() + " characters");
        }
        if (target.charAt(0) != '/') {
            throw bad("The request target must be a path starting with '/', not '" + Faults.excerpt(target) + "'");
        }
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Optional<String> query = q < 0 ? Optional.empty() : Optional.of(target.substring(q + 1));
        checkChars(path, "/", "request path");
        String[] parts = path.split("/", ID_SEGMENTS + 3);
        checkVersion(parts[1]);
        if (parts.length < ID_SEGMENTS + 2) {
            throw bad("The request path '" + Faults.excerpt(path)
                    + "' does not name a service: expected /r1/INSTANCE/CLASS/CODE/SUBSYSTEM/SERVICE");
        }
        ServiceId service = service(parts);
        String servicePath = parts.length == ID_SEGMENTS + 3 ? "/" + parts[ID_SEGMENTS + 2] : "";
        return new RestRequestTarget(service, servicePath, query);
    }

    private static void checkVersion(String version) {
        if (version.isEmpty()) {
            throw bad("The request path has no protocol version: expected /r1/...");
        }
        if (!PROTOCOL_VERSION.equals(version)) {
            throw ZholException.client(ErrorCode.INVALID_PROTOCOL_VERSION,
                    "Unsupported REST protocol version '" + Faults.excerpt(version) + "', expected " + PROTOCOL_VERSION);
        }
    }

    private static ServiceId service(String[] parts) {
        List<String> codes = new ArrayList<>(ID_SEGMENTS);
        for (int i = 2; i < ID_SEGMENTS + 2; i++) {
            if (parts[i].equals(".") || parts[i].equals("..")) {
                throw bad("The service identifier in the request path has a dot-segment");
            }
            codes.add(PercentCodec.decode(parts[i], "service identifier segment"));
        }
        try {
            return new SubsystemId(new MemberId(codes.get(0), codes.get(1), codes.get(2)), codes.get(3))
                    .service(codes.get(4));
        } catch (ZholException e) {
            throw ZholException.client(ErrorCode.INVALID_CLIENT_IDENTIFIER,
                    "Invalid service identifier in the request path: " + e.detail());
        }
    }

    /** The client-side path of {@code target}: {@code /r1/} then the encoded identifier, path and query. */
    public static String clientPath(RestRequestTarget target) {
        return "/" + PROTOCOL_VERSION + "/" + encodeId(target.service()) + target.servicePath()
                + target.rawQuery().map(q -> "?" + q).orElse("");
    }

    /**
     * The URI the provider's security server calls: the service's base URL, then the service path
     * and the query, unmodified. A base path's trailing '/' is not doubled.
     *
     * @param baseUrl the service URL from this server's configuration, http or https
     * @throws ZholException {@code ServiceMalformedUrl} with {@link Origin#THIS_SERVER} when the base URL
     *                       is not an absolute http(s) URL without query and fragment
     */
    public static URI providerUri(String baseUrl, RestRequestTarget target) {
        URI base = baseUri(baseUrl);
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = basePath;
        if (!target.servicePath().isEmpty()) {
            path = (basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath)
                    + target.servicePath();
        }
        if (path.isEmpty() && target.rawQuery().isPresent()) {
            path = "/";
        }
        String uri = base.getScheme() + "://" + base.getRawAuthority() + path
                + target.rawQuery().map(q -> "?" + q).orElse("");
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            throw malformedUrl(baseUrl);
        }
    }

    private static URI baseUri(String baseUrl) {
        URI base;
        try {
            base = new URI(baseUrl == null ? "" : baseUrl);
        } catch (URISyntaxException e) {
            throw malformedUrl(baseUrl);
        }
        String scheme = base.getScheme();
        boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
        if (!http || base.getRawAuthority() == null || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw malformedUrl(baseUrl);
        }
        return base;
    }

    private static ZholException malformedUrl(String baseUrl) {
        return ZholException.of(ErrorCode.SERVICE_MALFORMED_URL, Origin.THIS_SERVER,
                "The service URL '" + Faults.excerpt(baseUrl)
                        + "' is not an absolute http(s) URL without query and fragment");
    }

    /** The path form of an identifier with each code percent-encoded, as in the path and X-Road-* headers. */
    static String encodeId(XRoadId id) {
        return id.parts().stream().map(PercentCodec::encode).collect(Collectors.joining("/"));
    }

    /**
     * Checks a service path: empty, or '/' then segments with no dot-segment or encoded '/', '\' or control.
     *
     * @throws ZholException {@code BadRequest} when it breaks a rule
     */
    public static void checkServicePath(String servicePath) {
        if (servicePath.isEmpty()) {
            return;
        }
        if (servicePath.charAt(0) != '/') {
            throw bad("The service path must start with '/'");
        }
        checkChars(servicePath, "/", "service path");
        for (String segment : servicePath.substring(1).split("/", -1)) {
            checkServiceSegment(segment);
        }
    }

    private static void checkServiceSegment(String segment) {
        StringBuilder decoded = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                c = (char) Integer.parseInt(segment, i + 1, i + 3, 16);
                i += 2;
            }
            if (c == '/' || c == '\\') {
                throw bad("The service path has an encoded '/' or '\\'");
            }
            if (c < 0x20 || c == 0x7F) {
                throw bad("The service path has an encoded control character");
            }
            decoded.append(c);
        }
        String s = decoded.toString();
        if (s.equals(".") || s.equals("..")) {
            throw bad("The service path has a dot-segment ('.' or '..', also when percent-encoded)");
        }
    }

    /**
     * Checks a raw query: URI query characters and well-formed escapes only.
     *
     * @throws ZholException {@code BadRequest} when it breaks a rule
     */
    public static void checkQuery(String query) {
        checkChars(query, "/?", "query");
    }

    /** Checks that {@code s} holds only path characters, {@code extra} and well-formed {@code %HH} escapes. */
    private static void checkChars(String s, String extra, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || !PercentCodec.isHex(s.charAt(i + 1)) || !PercentCodec.isHex(s.charAt(i + 2))) {
                    throw bad("The " + what + " has a malformed percent escape");
                }
                i += 2;
            } else if (!PercentCodec.isPathChar(c) && extra.indexOf(c) < 0) {
                throw bad("The " + what + " contains a character that must be percent-encoded: '"
                        + Faults.excerpt(s) + "'");
            }
        }
    }

    private static ZholException bad(String detail) {
        return ZholException.client(ErrorCode.BAD_REQUEST, detail);
    }
}
