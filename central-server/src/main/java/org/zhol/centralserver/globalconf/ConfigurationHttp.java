// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.HttpServerConfig;
import org.zhol.server.http.Router;

/**
 * The configuration download handlers, over plain HTTP (integrity comes from the signature), serving
 * the {@link GenerationStore} at the paths of {@link GlobalConfLayout}:
 *
 * <pre>
 * GET /v1/{instance}/latest                 text/plain, Cache-Control: no-cache
 * GET /v1/{instance}/{generation}/{file}    application/json or application/pkcs7-signature,
 *                                           Cache-Control: public, max-age=31536000, immutable
 * </pre>
 *
 * Every response has a strong {@code ETag} (the generation for {@code latest}, the SHA-256 of the bytes
 * for a file) and honours {@code If-None-Match} with 304. Unknown instances, generations and files are
 * 404 {@code NotFound}.
 */
public final class ConfigurationHttp {

    /** The default port of the configuration download listener. */
    public static final int DEFAULT_PORT = 8070;
    /** Cache-Control of {@code latest}: caches must revalidate every time. */
    public static final String LATEST_CACHE_CONTROL = "no-cache";
    /** Cache-Control of generation files, which never change once published. */
    public static final String FILE_CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final GenerationStore store;

    public ConfigurationHttp(GenerationStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The download listener: plain HTTP, requests carry no body. */
    public static HttpServerConfig listener(String host, int port) {
        return HttpServerConfig.plain("globalconf", host, port).withMaxBodyBytes(0);
    }

    /** A router with the download routes, to serve on {@link #listener}. */
    public Router router() {
        return routes(Router.builder()).build();
    }

    /** Adds the download routes to {@code builder}. */
    public Router.Builder routes(Router.Builder builder) {
        return builder.get("/" + GlobalConfLayout.VERSION + "/{instance}/" + GlobalConfLayout.LATEST_FILE,
                this::latest).get("/" + GlobalConfLayout.VERSION + "/{instance}/{generation}/{file}", this::file);
    }

    HttpResponse latest(HttpRequest request) throws IOException {
        requireInstance(request);
        OptionalLong latest = store.latest();
        if (latest.isEmpty()) {
            throw notFound();
        }
        return cached(request, "text/plain", GlobalConfLayout.encodeLatest(latest.getAsLong()),
                "\"" + latest.getAsLong() + "\"", LATEST_CACHE_CONTROL);
    }

    HttpResponse file(HttpRequest request) throws IOException {
        requireInstance(request);
        String file = request.pathParam("file");
        Optional<Long> generation = generation(request.pathParam("generation"));
        Optional<byte[]> bytes = generation.isPresent() ? store.file(generation.get(), file) : Optional.empty();
        if (bytes.isEmpty()) {
            throw notFound();
        }
        String type = file.equals(GlobalConfLayout.SIGNATURE_FILE) ? GlobalConfLayout.SIGNATURE_TYPE
                : GlobalConfLayout.JSON_TYPE;
        return cached(request, type, bytes.get(), "\"" + sha256(bytes.get()) + "\"", FILE_CACHE_CONTROL);
    }

    private static HttpResponse cached(HttpRequest request, String type, byte[] body, String etag,
            String cacheControl) {
        Map<String, String> headers = Map.of("ETag", etag, "Cache-Control", cacheControl);
        if (request.header("If-None-Match").map(v -> matches(v, etag)).orElse(false)) {
            return new HttpResponse(304, "", new byte[0], headers);
        }
        return new HttpResponse(200, type, body, headers);
    }

    /** Whether an If-None-Match list names {@code etag} (weak comparison, RFC 9110 §13.1.2). */
    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private void requireInstance(HttpRequest request) {
        if (!store.instance().equals(request.pathParam("instance"))) {
            throw notFound();
        }
    }

    private static Optional<Long> generation(String text) {
        if (!text.matches("[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    private static ZholException notFound() {
        return ZholException.client(ErrorCode.NOT_FOUND, "No such configuration file");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
