// SPDX-License-Identifier: MIT
package org.zhol.securityserver.ocsp;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.HttpServer;
import org.zhol.server.http.HttpServerConfig;
import org.zhol.server.http.Router;

/**
 * A tiny OCSP responder on loopback for tests: answers POSTed requests with responses signed by the
 * CA itself, {@code thisUpdate} at the test clock's now. It can be stopped and started again on the
 * same port to simulate an outage.
 */
final class TestOcspResponder implements AutoCloseable {

    private final TestPki.Issuer ca;
    private final InstantSource clock;
    private final Map<BigInteger, X509Certificate> certificates = new ConcurrentHashMap<>();
    private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private int port;
    private HttpServer server;

    TestOcspResponder(TestPki.Issuer ca, InstantSource clock, X509Certificate... known) {
        this.ca = ca;
        this.clock = clock;
        for (X509Certificate certificate : known) {
            certificates.put(certificate.getSerialNumber(), certificate);
        }
    }

    synchronized TestOcspResponder start() {
        server = new HttpServer(HttpServerConfig.plain("test-ocsp", "127.0.0.1", port),
                Router.builder().post("/", this::answer).build(), new ObjectMapper()).start();
        port = server.port();
        return this;
    }

    synchronized void stop() {
        server.close();
        server = null;
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    void revoke(X509Certificate certificate) {
        revoked.add(certificate.getSerialNumber());
    }

    int requests() {
        return requests.get();
    }

    private HttpResponse answer(HttpRequest request) throws Exception {
        requests.incrementAndGet();
        BigInteger serial = new OCSPReq(request.body()).getRequestList()[0].getCertID().getSerialNumber();
        X509Certificate certificate = certificates.get(serial);
        if (certificate == null) {
            return HttpResponse.empty(404);
        }
        CertificateStatus status = revoked.contains(serial)
                ? new RevokedStatus(Date.from(clock.instant().minus(Duration.ofMinutes(1))), CRLReason.keyCompromise)
                : CertificateStatus.GOOD;
        byte[] der = SignatureFixture.ocspResponse(ca, certificate, clock.instant(), status);
        return new HttpResponse(200, "application/ocsp-response", der, Map.of());
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stop();
        }
    }
}
