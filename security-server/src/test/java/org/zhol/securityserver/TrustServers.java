// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfFiles;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.server.http.HttpHandler;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.HttpServer;
import org.zhol.server.http.HttpServerConfig;
import org.zhol.server.http.Router;

/**
 * The outside world of a security server, on loopback with server-support's {@link HttpServer}: a
 * central server that serves configuration generations, and an OCSP responder of a test CA. Both can
 * be stopped and started again on the same port, and count the requests they answer.
 *
 * <p>Copied in small from the package-private {@code globalconf.CentralServerStub} and
 * {@code ocsp.TestOcspResponder}, which other packages cannot reach.
 */
final class TrustServers {

    private TrustServers() {
    }

    /** A restartable loopback listener that counts requests. */
    abstract static class Stub implements AutoCloseable {
        private final String name;
        private final AtomicInteger requests = new AtomicInteger();
        private HttpServer server;
        private int port;

        Stub(String name) {
            this.name = name;
        }

        abstract Router router();

        synchronized Stub start() {
            server = new HttpServer(HttpServerConfig.plain(name, "127.0.0.1", port), router(), new ObjectMapper())
                    .start();
            port = server.port();
            return this;
        }

        @Override
        public synchronized void close() {
            if (server != null) {
                server.close();
                server = null;
            }
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + port + "/");
        }

        int requests() {
            return requests.get();
        }

        HttpHandler counted(HttpHandler handler) {
            return request -> {
                requests.incrementAndGet();
                return handler.handle(request);
            };
        }
    }

    /** Serves generations of instance {@code instance} at the central server's paths. */
    static final class CentralServer extends Stub {
        private final String instance;
        private final Map<String, byte[]> files = new ConcurrentHashMap<>();
        private volatile long latest;

        CentralServer(String instance) {
            super("test-cs");
            this.instance = instance;
        }

        void publish(long generation, GlobalConfFiles generationFiles) {
            files.put(GlobalConfLayout.filePath(instance, generation, GlobalConfLayout.DIRECTORY_FILE),
                    generationFiles.directory());
            files.put(GlobalConfLayout.filePath(instance, generation, GlobalConfLayout.SIGNATURE_FILE),
                    generationFiles.signature());
            generationFiles.parts().forEach((name, bytes) ->
                    files.put(GlobalConfLayout.filePath(instance, generation, name), bytes));
            latest = generation;
        }

        @Override
        Router router() {
            return Router.builder()
                    .get("/v1/{instance}/latest", counted(request -> {
                        if (latest == 0 || !request.pathParam("instance").equals(instance)) {
                            throw ZholException.client(ErrorCode.NOT_FOUND, "No configuration");
                        }
                        return new HttpResponse(200, "text/plain", GlobalConfLayout.encodeLatest(latest), Map.of());
                    }))
                    .get("/v1/{instance}/{generation}/{file}", counted(request -> {
                        byte[] bytes = files.get(request.path().substring(1));
                        if (bytes == null) {
                            throw ZholException.client(ErrorCode.NOT_FOUND, "No such file");
                        }
                        return new HttpResponse(200, GlobalConfLayout.JSON_TYPE, bytes, Map.of());
                    }))
                    .build();
        }
    }

    /** Answers OCSP requests with GOOD responses signed by the CA itself, {@code thisUpdate} = the clock's now. */
    static final class OcspResponder extends Stub {
        private final TestPki.Issuer ca;
        private final InstantSource clock;
        private final Map<BigInteger, X509Certificate> known = new ConcurrentHashMap<>();

        OcspResponder(TestPki.Issuer ca, InstantSource clock) {
            super("test-ocsp");
            this.ca = ca;
            this.clock = clock;
        }

        void know(X509Certificate certificate) {
            known.put(certificate.getSerialNumber(), certificate);
        }

        @Override
        Router router() {
            return Router.builder().post("/", counted(this::answer)).build();
        }

        private HttpResponse answer(HttpRequest request) throws Exception {
            BigInteger serial = new OCSPReq(request.body()).getRequestList()[0].getCertID().getSerialNumber();
            X509Certificate certificate = known.get(serial);
            if (certificate == null) {
                return HttpResponse.empty(404);
            }
            byte[] der = SignatureFixture.ocspResponse(ca, certificate, clock.instant(), CertificateStatus.GOOD);
            return new HttpResponse(200, "application/ocsp-response", der, Map.of());
        }
    }
}
