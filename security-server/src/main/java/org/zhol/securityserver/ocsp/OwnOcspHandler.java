// SPDX-License-Identifier: MIT
package org.zhol.securityserver.ocsp;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.server.http.HttpHandler;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;

/**
 * Serves the cached OCSP responses of the server's own certificates to peers:
 * {@code GET /ocsp/{certHash}}, where {@code certHash} is the SHA-256 of the certificate in hex (as the
 * global configuration registers authentication certificates). The answer is the DER of the fresh
 * GOOD response, {@code application/ocsp-response}, exactly as the CA's responder signed it, so the
 * peer verifies it as it would any OCSP response. Register it with
 * {@code Router.builder().get(OwnOcspHandler.PATH, handler)}.
 *
 * <p>Faults: {@code BadRequest} (400) when the hash is not 64 hex digits; {@code NotFound} (404) when
 * the hash is not one of this server's certificates, or its response is missing, stale, revoked or
 * unknown: the peer must then not accept the certificate.
 */
public final class OwnOcspHandler implements HttpHandler {

    /** The route pattern. */
    public static final String PATH = "/ocsp/{certHash}";
    /** The media type of an OCSP response (RFC 6960 Appendix A). */
    public static final String CONTENT_TYPE = "application/ocsp-response";

    private final OwnOcspResponses responses;

    public OwnOcspHandler(OwnOcspResponses responses) {
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        String hex = request.pathParam("certHash").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "A certificate hash is 64 hex digits (SHA-256)");
        }
        Optional<byte[]> der = responses.freshResponse(new CertificateHash(hex));
        if (der.isEmpty()) {
            throw ZholException.client(ErrorCode.NOT_FOUND, "No fresh OCSP response for this certificate");
        }
        return new HttpResponse(200, CONTENT_TYPE, der.get(), Map.of("Cache-Control", "no-cache"));
    }
}
