// SPDX-License-Identifier: MIT
package org.zhol.securityserver.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.cert.CertChainValidator;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustAnchors;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.ocsp.OcspClient;
import org.zhol.protocol.ocsp.OcspClientConfig;
import org.zhol.protocol.ocsp.OcspResponse;
import org.zhol.protocol.ocsp.OcspTarget;
import org.zhol.protocol.ocsp.OcspVerifier;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.server.http.HttpServer;
import org.zhol.server.http.HttpServerConfig;
import org.zhol.server.http.Router;
import org.zhol.server.testing.MutableClock;

/**
 * The cache against a real OCSP responder on loopback, with a hand-moved clock: fetch and store,
 * restart from disk, an outage of the responder, revocation, damaged files, new certificates.
 */
class OcspCacheTest {

    record Anchors(List<ApprovedCa> approvedCas, List<ApprovedTsa> approvedTsas, TrustParameters trustParameters)
            implements TrustAnchors {
    }

    @TempDir
    Path dataDir;

    final MutableClock clock = new MutableClock(Instant.now());
    final TestPki.Issuer root = TestPki.rootCa("CN=OCSP Test Root, O=Zhol");
    final X509Certificate auth = root.issue(TestPki.Spec.auth("CN=ss1, O=GOV"), TestPki.ecKeyPair().getPublic());
    final X509Certificate sign = root.issue(TestPki.Spec.sign("CN=1234, O=GOV, serialNumber=DEV/GOV/1234"),
            TestPki.ecKeyPair().getPublic());
    final List<X509Certificate> own = new CopyOnWriteArrayList<>(List.of(auth));
    final AtomicInteger fetches = new AtomicInteger();
    final AtomicBoolean trustAvailable = new AtomicBoolean(true);
    TestOcspResponder responder;
    volatile OcspClient client;
    Anchors anchors;
    OcspCache cache;

    @BeforeEach
    void startResponder() {
        responder = new TestOcspResponder(root, clock, auth, sign).start();
        anchors = new Anchors(List.of(new ApprovedCa("Test CA", root.certificate(), List.of(),
                List.of(new OcspResponder(responder.url(), Optional.empty())), "default")), List.of(),
                TrustParameters.DEFAULTS);
        client = newClient();
    }

    static OcspClient newClient() {
        return new OcspClient(new OcspClientConfig(Duration.ofSeconds(2), Duration.ofSeconds(5),
                OcspResponse.MAX_DER_LENGTH, true), new OcspVerifier(TrustParameters.DEFAULTS));
    }

    /**
     * Stops the responder, and drops the client's pooled connection to it, which would otherwise make
     * the next fetch wait for its timeout rather than fail at once.
     */
    void stopResponder() {
        responder.stop();
        OcspClient old = client;
        client = newClient();
        old.close();
    }

    @AfterEach
    void stopAll() {
        if (cache != null) {
            cache.close();
        }
        client.close();
        responder.close();
    }

    OcspCache newCache() {
        OcspCacheConfig config = new OcspCacheConfig(dataDir.resolve("ocsp"), Duration.ofMinutes(20),
                Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMillis(20));
        return new OcspCache(config, clock, () -> {
            if (!trustAvailable.get()) {
                throw ZholException.of(ErrorCode.OUTDATED_GLOBAL_CONF, org.zhol.protocol.error.Origin.THIS_SERVER,
                        "Global configuration is expired");
            }
            return anchors;
        }, () -> own, target -> {
            fetches.incrementAndGet();
            return client.fetch(target);
        });
    }

    OcspCache started() {
        cache = newCache();
        cache.start();
        return cache;
    }

    Path file(X509Certificate certificate) {
        return dataDir.resolve("ocsp").resolve(CertificateHash.of(certificate).hex() + ".der");
    }

    static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** Waits until the scheduler has tried every due fetch, so that moving the clock races with none. */
    void awaitNoFetchDue() {
        eventually("no fetch is due", () -> cache.status().stream()
                .allMatch(s -> s.nextFetch().orElseThrow().isAfter(clock.instant())));
    }

    void awaitFresh(X509Certificate certificate) {
        eventually("a fresh response is cached", () -> cache.freshResponse(certificate).isPresent());
    }

    @Test
    void fetchesVerifiesAndStoresTheResponseOfEachOwnCertificate() throws Exception {
        started();
        awaitFresh(auth);

        byte[] der = cache.freshResponse(auth).orElseThrow();
        assertThat(file(auth)).hasBinaryContent(der);
        OcspTarget target = OcspTarget.of(CertChainValidator.validate(auth, List.of(), anchors.approvedCas(),
                clock.instant()));
        new OcspVerifier(TrustParameters.DEFAULTS).verify(OcspResponse.decode(der), target, clock.instant());
        OwnOcspStatus status = cache.status().getFirst();
        assertThat(status.certificateHash()).isEqualTo(CertificateHash.of(auth));
        assertThat(status.usage()).isEqualTo("auth");
        assertThat(status.status()).isEqualTo(OwnOcspStatus.Status.GOOD);
        assertThat(status.fresh()).isTrue();
        assertThat(status.thisUpdate()).contains(OcspResponse.decode(der).thisUpdate());
        assertThat(status.freshUntil()).contains(OcspResponse.decode(der).thisUpdate().plusSeconds(3600));
        assertThat(status.lastError()).isEmpty();
        assertThat(cache.problems()).isEmpty();
        try (var files = Files.list(dataDir.resolve("ocsp"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(
                    CertificateHash.of(auth).hex() + ".der");
        }
    }

    @Test
    void aRestartServesTheResponsesOnDiskWithoutAskingTheResponder() throws Exception {
        started();
        awaitFresh(auth);
        byte[] first = cache.freshResponse(auth).orElseThrow();
        cache.close();
        stopResponder();
        fetches.set(0);
        clock.advance(Duration.ofMinutes(5));

        started();

        assertThat(cache.freshResponse(auth)).hasValueSatisfying(der -> assertThat(der).isEqualTo(first));
        Thread.sleep(200); // ten scheduler ticks
        assertThat(fetches).hasValue(0);
        assertThat(cache.problems()).isEmpty();
    }

    @Test
    void whileTheResponderIsDownTheCachedResponseIsUsedUntilStaleThenHealthNamesTheCertificate() {
        started();
        awaitFresh(auth);
        byte[] first = cache.freshResponse(auth).orElseThrow();
        stopResponder();

        clock.advance(Duration.ofMinutes(25)); // the fetch is due and fails
        eventually("a failed fetch is recorded", () -> cache.status().getFirst().lastError().isPresent());
        assertThat(cache.freshResponse(auth)).hasValueSatisfying(der -> assertThat(der).isEqualTo(first));
        assertThat(cache.problems()).isEmpty();
        assertThat(cache.status().getFirst().lastError().orElseThrow()).startsWith("NetworkError");

        clock.advance(Duration.ofMinutes(36)); // 61 minutes after thisUpdate: past the 3600 s freshness
        assertThat(cache.freshResponse(auth)).isEmpty();
        assertThat(cache.status().getFirst().fresh()).isFalse();
        assertThat(cache.problems()).singleElement().asString()
                .contains("auth certificate " + CertificateHash.of(auth).hex(), "is stale since", "NetworkError");
        awaitNoFetchDue(); // the retry due now has failed too, before the clock moves on

        responder.start();
        clock.advance(Duration.ofMinutes(5)); // the longest retry wait
        awaitFresh(auth);
        assertThat(cache.freshResponse(auth).orElseThrow()).isNotEqualTo(first);
        assertThat(cache.problems()).isEmpty();
        assertThat(cache.status().getFirst().lastError()).isEmpty();
    }

    @Test
    void aRevokedCertificateIsNotOfferedAndIsReported() {
        responder.revoke(auth);
        started();
        eventually("the revocation is cached",
                () -> cache.status().getFirst().status() == OwnOcspStatus.Status.REVOKED);

        assertThat(cache.freshResponse(auth)).isEmpty();
        assertThat(cache.problems()).singleElement().asString()
                .contains("auth certificate " + CertificateHash.of(auth).hex(), "revoked");
        assertThat(file(auth)).exists();
    }

    @Test
    void aStoredResponseAboutAnotherCertificateIsIgnoredAndReplaced() throws Exception {
        Files.createDirectories(file(auth).getParent());
        Files.write(file(auth), SignatureFixture.ocspResponse(root, sign, clock.instant(), CertificateStatus.GOOD));
        assertIgnoredThenRefetched();
    }

    @Test
    void aTamperedStoredResponseIsIgnoredAndReplaced() throws Exception {
        byte[] der = SignatureFixture.ocspResponse(root, auth, clock.instant(), CertificateStatus.GOOD);
        der[der.length - 10] ^= 1; // inside the signature
        Files.createDirectories(file(auth).getParent());
        Files.write(file(auth), der);
        assertIgnoredThenRefetched();
    }

    @Test
    void aTruncatedStoredResponseIsIgnoredAndReplaced() throws Exception {
        byte[] der = SignatureFixture.ocspResponse(root, auth, clock.instant(), CertificateStatus.GOOD);
        Files.createDirectories(file(auth).getParent());
        Files.write(file(auth), java.util.Arrays.copyOf(der, der.length / 2));
        assertIgnoredThenRefetched();
    }

    private void assertIgnoredThenRefetched() throws Exception {
        stopResponder();
        started();
        assertThat(cache.freshResponse(auth)).isEmpty();
        eventually("the fetch fails", () -> cache.status().getFirst().lastError().isPresent());
        assertThat(cache.status().getFirst().status()).isEqualTo(OwnOcspStatus.Status.NONE);
        assertThat(cache.problems()).singleElement().asString().startsWith("No OCSP response for auth certificate");
        awaitNoFetchDue();

        responder.start();
        clock.advance(Duration.ofSeconds(10));
        awaitFresh(auth);
        byte[] stored = Files.readAllBytes(file(auth));
        assertThat(stored).isEqualTo(cache.freshResponse(auth).orElseThrow());
        assertThat(OcspResponse.decode(stored).serialNumber()).isEqualTo(auth.getSerialNumber());
    }

    @Test
    void aNewCertificateIsFetchedForWithoutWaitingForTheInterval() {
        started();
        awaitFresh(auth);
        assertThat(cache.freshResponse(sign)).isEmpty();

        own.add(sign);
        cache.refreshNow();

        awaitFresh(sign);
        assertThat(cache.status()).extracting(OwnOcspStatus::usage).containsExactly("auth", "sign");
        assertThat(file(sign)).exists();
    }

    @Test
    void aFetchIsRepeatedOnlyAfterTheInterval() throws Exception {
        started();
        awaitFresh(auth);
        int after = fetches.get();
        clock.advance(Duration.ofMinutes(19));
        cache.refreshNow();
        Thread.sleep(100); // five scheduler ticks
        assertThat(fetches).hasValue(after);

        clock.advance(Duration.ofMinutes(1));
        eventually("the response is fetched again", () -> fetches.get() > after);
    }

    @Test
    void withoutATrustConfigurationNoResponseIsOfferedAndHealthSaysWhy() {
        started();
        awaitFresh(auth);

        trustAvailable.set(false);

        assertThat(cache.freshResponse(auth)).isEmpty();
        assertThat(cache.status().getFirst().fresh()).isFalse();
        assertThat(cache.problems()).singleElement().asString().contains("OutdatedGlobalConf");
        trustAvailable.set(true);
        assertThat(cache.freshResponse(auth)).isPresent();
    }

    @Test
    void aCertificateThatIsNoLongerOwnIsForgotten() {
        own.add(sign);
        started();
        awaitFresh(sign);

        own.remove(sign);
        cache.refreshNow();

        eventually("the certificate is forgotten", () -> cache.freshResponse(sign).isEmpty());
        assertThat(cache.status()).singleElement().extracting(OwnOcspStatus::usage).isEqualTo("auth");
    }

    /** Peers fetch the fresh responses of the server's own certificates over HTTP ({@link OwnOcspHandler}). */
    @Nested
    class PeerHandler {

        HttpServer server;
        final HttpClient http = HttpClient.newHttpClient();

        @AfterEach
        void stopServer() {
            if (server != null) {
                server.close();
            }
            http.close();
        }

        HttpResponse<byte[]> get(String path) throws Exception {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        @Test
        void servesTheFreshResponseOfAnOwnCertificateByItsHash() throws Exception {
            started();
            awaitFresh(auth);
            server = new HttpServer(HttpServerConfig.plain("peer-ocsp", "127.0.0.1", 0),
                    Router.builder().get(OwnOcspHandler.PATH, new OwnOcspHandler(cache)).build(), new ObjectMapper())
                    .start();
            String hash = CertificateHash.of(auth).hex();

            HttpResponse<byte[]> ok = get("/ocsp/" + hash);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type")).contains("application/ocsp-response");
            assertThat(ok.body()).isEqualTo(cache.freshResponse(auth).orElseThrow());
            assertThat(get("/ocsp/" + hash.toUpperCase(java.util.Locale.ROOT)).statusCode()).isEqualTo(200);

            assertThat(get("/ocsp/" + CertificateHash.of(sign).hex()).statusCode()).isEqualTo(404); // not own
            assertThat(get("/ocsp/not-a-hash").statusCode()).isEqualTo(400);

            stopResponder();
            clock.advance(Duration.ofMinutes(61));
            assertThat(get("/ocsp/" + hash).statusCode()).isEqualTo(404); // stale
        }
    }
}
