// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.zhol.protocol.cert.CertificateProfiles;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.management.ManagementRequestVerifier;
import org.zhol.protocol.management.VerifiedManagementRequest;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.securityserver.registration.RequestType;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.HttpServer;
import org.zhol.server.http.HttpServerConfig;
import org.zhol.server.http.Router;

/**
 * The central server's registration listener in small, over real HTTPS on loopback with a self-signed
 * certificate: {@code POST /managementrequests} verifies the envelope with protocol-spec's
 * {@link ManagementRequestVerifier} against the current configuration (so the security server's
 * signatures, roles and embedded OCSP are really checked), then answers as its {@link Policy} says;
 * {@code GET /managementrequests/{id}} gives the state. It can be stopped and started on the same port
 * and counts requests.
 */
final class RegistrationListenerStub implements AutoCloseable {

    /** How to answer the next submissions. */
    enum Policy {
        /** 202 APPROVED, and the change is applied at once. */
        APPROVE,
        /** 202 PENDING. */
        PENDING,
        /** 400 InvalidRequest, nothing kept. */
        REFUSE,
        /** 500 after reading the request: the sender cannot know what happened. */
        FAIL
    }

    private final Supplier<GlobalConfiguration> configuration;
    private final InstantSource clock;
    private final Consumer<VerifiedManagementRequest> apply;
    private final KeyPair keys = TestPki.ecKeyPair();
    private final X509Certificate certificate = TestPki.rootCa("CN=Test registration CA")
            .issue(TestPki.Spec.auth("CN=localhost"), keys.getPublic());
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final List<VerifiedManagementRequest> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Policy policy = Policy.APPROVE;
    private HttpServer server;
    private int port;

    /**
     * @param configuration the configuration to verify against
     * @param clock         the time of receipt
     * @param apply         applies an approved request (and publishes it)
     */
    RegistrationListenerStub(Supplier<GlobalConfiguration> configuration, InstantSource clock,
            Consumer<VerifiedManagementRequest> apply) {
        this.configuration = configuration;
        this.clock = clock;
        this.apply = apply;
    }

    synchronized RegistrationListenerStub start() throws Exception {
        HttpServerConfig config = HttpServerConfig.plain("test-registration", "127.0.0.1", port)
                .withTls(SslContextBuilder.forServer(keys.getPrivate(), certificate).build());
        Router router = Router.builder()
                .post("/managementrequests", request -> {
                    requests.incrementAndGet();
                    return submit(request);
                })
                .get("/managementrequests/{id}", request -> {
                    requests.incrementAndGet();
                    String id = request.pathParam("id");
                    String state = states.get(id);
                    if (state == null) {
                        throw ZholException.client(ErrorCode.NOT_FOUND, "No such management request");
                    }
                    return answer(200, id, state);
                })
                .build();
        server = new HttpServer(config, router, new ObjectMapper()).start();
        port = server.port();
        return this;
    }

    private HttpResponse submit(HttpRequest request) {
        Policy now = policy;
        if (now == Policy.FAIL) {
            throw new IllegalStateException("the test listener fails on purpose");
        }
        if (now == Policy.REFUSE) {
            throw ZholException.client(ErrorCode.INVALID_REQUEST, "Refused by the test listener");
        }
        VerifiedManagementRequest verified = new ManagementRequestVerifier(configuration.get(),
                CertificateProfiles.standard()).verify(request.body(), "DEV", clock.instant());
        received.add(verified);
        String id = verified.request().requestId();
        states.put(id, now == Policy.APPROVE ? "APPROVED" : "PENDING");
        if (now == Policy.APPROVE) {
            apply.accept(verified);
        }
        return answer(202, id, states.get(id));
    }

    private static HttpResponse answer(int status, String id, String state) {
        String json = "{\"id\":\"" + id + "\",\"state\":\"" + state + "\"" + (state.equals("REJECTED")
                ? ",\"reason\":\"unknown host\"" : "") + "}";
        return HttpResponse.json(status, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void policy(Policy next) {
        policy = next;
    }

    /** An administrator's decision on a pending request. */
    void decide(String id, String state) {
        states.put(id, state);
    }

    /** The verified requests received, in order. */
    List<VerifiedManagementRequest> received() {
        return List.copyOf(received);
    }

    /** The type of a received request. */
    static RequestType type(VerifiedManagementRequest request) {
        return RequestType.of(request.request());
    }

    CertificateHash pin() {
        return CertificateHash.of(certificate);
    }

    String url() {
        return "https://127.0.0.1:" + port + "/";
    }

    int requests() {
        return requests.get();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
