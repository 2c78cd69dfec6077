// SPDX-License-Identifier: MIT
package org.zhol.protocol.ocsp;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.Faults;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.OcspResponder;

/**
 * Fetches OCSP responses over HTTP: a POST of {@code application/ocsp-request} (RFC 6960 Appendix A)
 * to each responder of the approved CA in turn, until one gives an authentic answer.
 *
 * <p>An answer is returned whatever status it states: a revoked certificate is a valid answer, and
 * it is the {@link OcspVerifier#verify} of the caller that refuses it. Answers that are not authentic
 * ({@link OcspVerifier#verifyOrigin}), do not echo the nonce, or fail in transport make the client
 * try the next responder; when none is left, the last failure is thrown.
 *
 * <p><b>Limits:</b> timeouts and response size from {@link OcspClientConfig}; no redirects are
 * followed.
 *
 * <p><b>Pitfalls:</b> {@link #fetch} blocks; call it on a virtual thread, never on an event loop.
 * The client owns an {@link HttpClient}; {@link #close()} it.
 */
public final class OcspClient implements AutoCloseable {

    private static final int NONCE_LENGTH = 16;

    private final OcspClientConfig config;
    private final OcspVerifier verifier;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    public OcspClient(OcspClientConfig config, OcspVerifier verifier) {
        this.config = Objects.requireNonNull(config, "config");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Asks the responders of {@code target.ca()} about {@code target.certificate()}.
     *
     * @return an authentic response about the certificate, of any status and age
     * @throws ZholException {@link OcspFailure#NO_RESPONDER} when the CA has none; otherwise the
     *                       failure of the last responder tried
     */
    public OcspResponse fetch(OcspTarget target) {
        if (target.ca().ocspResponders().isEmpty()) {
            throw OcspFailure.NO_RESPONDER.exception("CA '" + target.ca().name() + "' has no OCSP responder");
        }
        ZholException last = null;
        for (OcspResponder responder : target.ca().ocspResponders()) {
            try {
                return fetch(responder.url(), target);
            } catch (ZholException e) {
                last = e;
            }
        }
        throw new ZholException(last.faultCode(), last.origin(), "No OCSP responder of CA '" + target.ca().name()
                + "' gave a usable answer; the last said: " + last.detail(), last);
    }

    /** Asks one responder at {@code url}, as {@link #fetch(OcspTarget)} does for each. */
    public OcspResponse fetch(URI url, OcspTarget target) {
        Optional<byte[]> nonce = Optional.empty();
        if (config.sendNonce()) {
            byte[] bytes = new byte[NONCE_LENGTH];
            random.nextBytes(bytes);
            nonce = Optional.of(bytes);
        }
        OcspRequest request = OcspRequest.create(target.certificate(), target.issuer(), nonce);
        OcspResponse response = OcspResponse.decode(post(url, request.der()));
        verifier.verifyOrigin(response, target);
        if (nonce.isPresent() && response.nonce().isPresent() && !Arrays.equals(nonce.get(), response.nonce().get())) {
            throw OcspFailure.NONCE_MISMATCH.exception("OCSP response from " + url + " has another nonce");
        }
        return response;
    }

    private byte[] post(URI url, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.requestTimeout())
                .header("Content-Type", "application/ocsp-request")
                .header("Accept", "application/ocsp-response")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw OcspFailure.HTTP.exception("OCSP responder " + url + " answered HTTP " + response.statusCode());
                }
                String type = response.headers().firstValue("Content-Type").orElse("");
                if (!type.toLowerCase(Locale.ROOT).startsWith("application/ocsp-response")) {
                    throw OcspFailure.HTTP.exception("OCSP responder " + url + " answered with content type '"
                            + Faults.excerpt(type) + "'");
                }
                byte[] bytes = in.readNBytes(config.maxResponseBytes() + 1);
                if (bytes.length > config.maxResponseBytes()) {
                    throw OcspFailure.MALFORMED.exception("OCSP response from " + url + " is longer than "
                            + config.maxResponseBytes() + " bytes");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw OcspFailure.UNREACHABLE.exception("OCSP responder " + url + " cannot be reached: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OcspFailure.UNREACHABLE.exception("Interrupted while asking OCSP responder " + url, e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
