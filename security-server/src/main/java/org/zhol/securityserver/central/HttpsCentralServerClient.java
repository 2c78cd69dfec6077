// SPDX-License-Identifier: MIT
package org.zhol.securityserver.central;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.securityserver.registration.CentralAnswer;
import org.zhol.securityserver.registration.CentralEndpoint;
import org.zhol.securityserver.registration.CentralServerClient;
import org.zhol.securityserver.registration.CentralState;

/**
 * {@link CentralServerClient} over HTTPS (TLS 1.3 or 1.2) with the JDK's HTTP client, trusting only the
 * pinned certificate ({@link PinnedTrustManager}). A refusal is the central server's fault body
 * ({@code {"type","message","detail"}}) with a 4xx status: it becomes a {@code ZholException} with the
 * central server's code, whose detail names the central server's error id.
 *
 * <p><b>Limits:</b> answers over {@value #MAX_ANSWER_BYTES} bytes are refused ({@code InvalidResponse});
 * each call has the configured timeout for connecting and for the answer.
 */
public final class HttpsCentralServerClient implements CentralServerClient {

    /** Limit: the largest answer read. */
    public static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    /** @param timeout for connecting and for each answer */
    public HttpsCentralServerClient(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Delivery submit(CentralEndpoint endpoint, byte[] envelope) {
        HttpRequest request = HttpRequest.newBuilder(endpoint.url().resolve("managementrequests")).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope)).build();
        Answer answer;
        try {
            answer = send(endpoint, request);
        } catch (SSLHandshakeException e) {
            return new Refused(untrusted(endpoint, e));
        }
        if (answer.status() == 202) {
            return new Accepted(parse(answer.body()));
        }
        if (answer.status() / 100 == 4) {
            return new Refused(refusal(answer));
        }
        throw unexpected(answer);
    }

    @Override
    public Optional<CentralAnswer> find(CentralEndpoint endpoint, String requestId) {
        URI uri = endpoint.url().resolve("managementrequests/" + URLEncoder.encode(requestId, StandardCharsets.UTF_8));
        Answer answer;
        try {
            answer = send(endpoint, HttpRequest.newBuilder(uri).timeout(timeout).GET().build());
        } catch (SSLHandshakeException e) {
            throw untrusted(endpoint, e);
        }
        if (answer.status() == 200) {
            return Optional.of(parse(answer.body()));
        }
        if (answer.status() == 404 && refusal(answer).code() == ErrorCode.NOT_FOUND) {
            return Optional.empty();
        }
        throw answer.status() / 100 == 4 ? refusal(answer) : unexpected(answer);
    }

    private record Answer(int status, byte[] body) {
    }

    private Answer send(CentralEndpoint endpoint, HttpRequest request) throws SSLHandshakeException {
        try (HttpClient http = HttpClient.newBuilder().sslContext(pinned(endpoint)).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes(MAX_ANSWER_BYTES + 1);
                if (body.length > MAX_ANSWER_BYTES) {
                    throw ZholException.internal(ErrorCode.INVALID_RESPONSE, "The central server's answer is longer"
                            + " than " + MAX_ANSWER_BYTES + " bytes", null);
                }
                return new Answer(response.statusCode(), body);
            }
        } catch (SSLHandshakeException e) {
            throw e;
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.NETWORK_ERROR, "Cannot reach the central server at "
                    + endpoint.url() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ZholException.internal(ErrorCode.NETWORK_ERROR, "Interrupted while calling the central server", e);
        }
    }

    private static SSLContext pinned(CentralEndpoint endpoint) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinnedTrustManager(endpoint.tlsPin())}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "No TLS context", e);
        }
    }

    private CentralAnswer parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            String id = node.path("id").asText("");
            Optional<CentralState> state = CentralState.byName(node.path("state").asText(""));
            if (id.isEmpty() || state.isEmpty()) {
                throw invalid("it names no request id or no known state");
            }
            JsonNode reason = node.path("reason");
            return new CentralAnswer(id, state.get(), reason.isTextual() ? Optional.of(reason.asText())
                    : Optional.empty());
        } catch (IOException e) {
            throw invalid("it is not JSON");
        }
    }

    private ZholException refusal(Answer answer) {
        JsonNode node;
        try {
            node = json.readTree(answer.body());
        } catch (IOException e) {
            node = null;
        }
        if (node == null || !node.path("type").isTextual()) {
            return ZholException.client(ErrorCode.HTTP_ERROR, "The central server refused the request with HTTP "
                    + answer.status());
        }
        FaultCode code = FaultCode.tryParse(node.path("type").asText()).orElse(FaultCode.of(ErrorCode.HTTP_ERROR));
        String message = node.path("message").asText("");
        String errorId = node.path("detail").asText("");
        return new ZholException(code, Origin.CLIENT, "The central server refused the request: "
                + Faults.excerpt(message) + (errorId.isEmpty() ? "" : " (its error id " + Faults.excerpt(errorId) + ")"),
                null);
    }

    private static ZholException unexpected(Answer answer) {
        return ZholException.internal(ErrorCode.HTTP_ERROR, "The central server answered with HTTP "
                + answer.status(), null);
    }

    private static ZholException invalid(String why) {
        return ZholException.internal(ErrorCode.INVALID_RESPONSE, "The central server's answer cannot be read: "
                + why, null);
    }

    private static ZholException untrusted(CentralEndpoint endpoint, SSLHandshakeException e) {
        // The pin check's own message (two hashes) is worth showing whole; anything else is excerpted.
        Throwable cause = e;
        while (cause != null && !(cause instanceof java.security.cert.CertificateException)) {
            cause = cause.getCause();
        }
        String why = cause != null && cause.getMessage() != null && cause.getMessage().startsWith("The central server")
                ? cause.getMessage() : describe(e);
        return ZholException.internal(ErrorCode.SSL_AUTHENTICATION_FAILED, "TLS with the central server at "
                + endpoint.url() + " failed: " + why, e);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        return Faults.excerpt(message);
    }
}
