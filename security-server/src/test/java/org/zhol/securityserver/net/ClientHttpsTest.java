// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.securityserver.exchange.ClientRequest;
import org.zhol.server.config.ListenerConfig;

/** The HTTPS listener with the internal TLS key: optional IS client certificates, TLS 1.3 and 1.2. */
class ClientHttpsTest {

    @TempDir
    Path dataDir;

    private final PeerFixture pki = new PeerFixture();
    private final List<ClientRequest> seen = new CopyOnWriteArrayList<>();
    private InternalTls internal;
    private ClientHttpListener listener;

    @BeforeEach
    void start() {
        internal = new InternalTls(dataDir.resolve(InternalTls.DIRECTORY));
        listener = new ClientHttpListener(ClientHttpConfig.https("clientHttps", new ListenerConfig("127.0.0.1", 0),
                internal.serverContext()), (request, responder) -> {
                    seen.add(request);
                    Streams.answer(responder, 200, "secure");
                }).start();
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    private HttpResponse<String> get(SSLContext tls, String protocol) throws Exception {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[] {protocol});
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                .sslParameters(parameters).build()) {
            return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + listener.port() + "/r1/x"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Trusts the internal certificate (as an IS pins it) and presents {@code clientKey} when given. */
    private SSLContext isContext(PeerFixture.Server clientKey) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("internal", internal.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        KeyManagerFactory keys = null;
        if (clientKey != null) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("is", clientKey.key(), new char[0], new X509Certificate[] {clientKey.certificate()});
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, new char[0]);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    @Test
    void theIsClientCertificateReachesTheExchange() throws Exception {
        HttpResponse<String> response = get(isContext(pki.stranger), "TLSv1.3");

        assertEquals("secure", response.body());
        ClientRequest request = seen.getFirst();
        assertTrue(request.tls());
        assertEquals(List.of(pki.stranger.certificate()), request.clientCertificates());
    }

    @Test
    void aClientCertificateIsOptional() throws Exception {
        HttpResponse<String> response = get(isContext(null), "TLSv1.3");

        assertEquals(200, response.statusCode());
        assertEquals(List.of(), seen.getFirst().clientCertificates());
        assertTrue(seen.getFirst().tls());
    }

    @Test
    void informationSystemsMayUseTls12() throws Exception {
        HttpResponse<String> response = get(isContext(pki.stranger), "TLSv1.2");

        assertEquals("secure", response.body());
        assertEquals(List.of(pki.stranger.certificate()), seen.getFirst().clientCertificates());
    }

    @Test
    void theInternalKeyIsMadeOnceAndKeptPrivate() throws Exception {
        Path key = dataDir.resolve(InternalTls.DIRECTORY).resolve(InternalTls.KEY_FILE);
        X509Certificate first = internal.certificate();

        new InternalTls(dataDir.resolve(InternalTls.DIRECTORY)).ensure();

        assertEquals(first, internal.certificate());
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(key));
    }
}
