// SPDX-License-Identifier: MIT
package org.zhol.protocol.tsp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedTsa;

/**
 * Asks RFC 3161 TSAs for tokens over HTTP: {@code POST} of an {@code application/timestamp-query},
 * answered by an {@code application/timestamp-reply} (RFC 3161 §3.4). It tries the verifier's approved
 * TSAs in order and returns the first token that verifies.
 *
 * <p>Each attempt sends a fresh 64-bit nonce and {@code certReq = TRUE}. When every TSA fails, the
 * fault is {@code TimestampingFailed} followed by the segments of the last attempt's fault (e.g.
 * {@code TimestampingFailed.NetworkError} or
 * {@code TimestampingFailed.TimestampValidation.InvalidReference}); the detail names each TSA's failure.
 *
 * <p><b>Limits:</b> timeouts and the reply size come from {@link TspClientConfig}.
 *
 * <p><b>Pitfalls:</b> {@link #stamp} blocks; call it from a virtual thread, never an event loop. The
 * constructor does no network I/O; {@link #close()} releases the HTTP client.
 */
public final class TspClient implements AutoCloseable {

    /** The media type of a query. */
    public static final String QUERY_TYPE = "application/timestamp-query";
    /** The media type of a reply. */
    public static final String REPLY_TYPE = "application/timestamp-reply";

    private final TspClientConfig config;
    private final TimestampVerifier verifier;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    public TspClient(TspClientConfig config, TimestampVerifier verifier) {
        this.config = Objects.requireNonNull(config, "config");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Gets a verified token over {@code sha256Digest} from the first approved TSA that gives one.
     *
     * @throws ZholException {@code TimestampingFailed.*} when no TSA gave a valid token
     */
    public TimestampToken stamp(byte[] sha256Digest) {
        List<String> failures = new ArrayList<>();
        ZholException last = null;
        for (ApprovedTsa tsa : verifier.approvedTsas()) {
            try {
                return stampAt(tsa, sha256Digest);
            } catch (ZholException e) {
                last = e;
                failures.add("TSA '" + tsa.name() + "': " + e);
            }
        }
        if (last == null) {
            throw ZholException.of(ErrorCode.TIMESTAMPING_FAILED, Origin.THIS_SERVER, "No approved TSA");
        }
        List<ErrorCode> segments = new ArrayList<>();
        segments.add(ErrorCode.TIMESTAMPING_FAILED);
        segments.addAll(last.faultCode().segments());
        throw new ZholException(new FaultCode(Optional.empty(), segments), Origin.THIS_SERVER,
                "Every approved TSA failed: " + String.join("; ", failures), last);
    }

    private TimestampToken stampAt(ApprovedTsa tsa, byte[] sha256Digest) {
        TimestampQuery query = TimestampQuery.withNonce(sha256Digest, random);
        TimestampResponse response = TimestampResponse.decode(post(tsa.url(), query.encoded()));
        verifier.verify(response, query);
        return response.token().orElseThrow();
    }

    private byte[] post(URI url, byte[] query) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.requestTimeout())
                .header("Content-Type", QUERY_TYPE).header("Accept", REPLY_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw fail(ErrorCode.HTTP_ERROR, "HTTP status " + response.statusCode(), null);
                }
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (!type.toLowerCase(Locale.ROOT).startsWith(REPLY_TYPE)) {
                    throw fail(ErrorCode.INVALID_CONTENT_TYPE, "Content-Type is not " + REPLY_TYPE, null);
                }
                byte[] bytes = body.readNBytes(config.maxResponseBytes() + 1);
                if (bytes.length > config.maxResponseBytes()) {
                    throw fail(ErrorCode.INVALID_RESPONSE, "Reply longer than " + config.maxResponseBytes(), null);
                }
                return bytes;
            }
        } catch (IOException e) {
            throw fail(ErrorCode.NETWORK_ERROR, "Cannot reach the TSA: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(ErrorCode.NETWORK_ERROR, "Interrupted while waiting for the TSA", e);
        }
    }

    private static ZholException fail(ErrorCode code, String detail, Throwable cause) {
        return new ZholException(FaultCode.of(code), Origin.THIS_SERVER, detail, cause);
    }

    @Override
    public void close() {
        http.close();
    }
}
