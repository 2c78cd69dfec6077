// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import org.zhol.protocol.testpki.OpenSsl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.tsp.TimestampQuery;
import org.zhol.protocol.tsp.TimestampResponse;
import org.zhol.protocol.tsp.TimestampToken;
import org.zhol.protocol.tsp.TimestampVerifier;
import org.zhol.protocol.tsp.TspClient;
import org.zhol.protocol.tsp.TspClientConfig;

/** The dev TSA over real loopback sockets, checked by our verifier and by {@code openssl ts -verify}. */
class DevTsaTest {

    private static final byte[] DATA = "a message log root".getBytes(StandardCharsets.UTF_8);

    @Test
    void opensslVerifiesItsReplies(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("tsa");
        try (DevTsa tsa = DevTsa.onLoopback(state, 0)) {
            tsa.start();
            byte[] reply = post(tsa.url(), TimestampQuery.withoutNonce(TimestampQuery.sha256(DATA)).encoded(),
                    "application/timestamp-query").body();
            Files.write(dir.resolve("reply.tsr"), reply);
            Files.write(dir.resolve("data.bin"), DATA);
        }
        OpenSsl.Result result = OpenSsl.run(dir, "ts", "-verify", "-data", "data.bin", "-in", "reply.tsr", "-CAfile",
                state.resolve("tsaroot.pem").toString(), "-untrusted", state.resolve("tsa.pem").toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Verification: OK");
    }

    @Test
    void ourClientGetsTokensThatVerifyOffline(@TempDir Path dir) throws IOException {
        try (DevTsa tsa = DevTsa.onLoopback(dir, 0)) {
            tsa.start();
            TimestampVerifier verifier = verifier(tsa.url(), tsa.certificate());
            try (TspClient client = new TspClient(TspClientConfig.DEFAULTS, verifier)) {
                byte[] digest = TimestampQuery.sha256(DATA);
                TimestampToken token = client.stamp(digest);
                TimestampToken stored = TimestampToken.decode(token.encoded());
                verifier.verify(stored, digest);
                assertThat(stored.policy()).isEqualTo(DevTsa.POLICY_OID);
                assertThat(stored.tsaCertificate()).contains(tsa.certificate());
            }
        }
    }

    @Test
    void answersAnOpensslQuery(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("data.bin"), DATA);
        OpenSsl.Result query = OpenSsl.run(dir, "ts", "-query", "-data", "data.bin", "-sha256", "-cert", "-out", "query.tsq");
        assertThat(query.exitCode()).as(query.output()).isZero();
        try (DevTsa tsa = DevTsa.onLoopback(dir.resolve("tsa"), 0)) {
            tsa.start();
            byte[] reply = post(tsa.url(), Files.readAllBytes(dir.resolve("query.tsq")),
                    "application/timestamp-query").body();
            TimestampResponse response = TimestampResponse.decode(reply);
            verifier(tsa.url(), tsa.certificate()).verify(response.token().orElseThrow(), TimestampQuery.sha256(DATA));
        }
    }

    @Test
    void keepsItsKeyAndCountsSerialsAcrossRestarts(@TempDir Path dir) throws Exception {
        X509Certificate first;
        TimestampToken before;
        try (DevTsa tsa = DevTsa.onLoopback(dir, 0)) {
            tsa.start();
            first = tsa.certificate();
            before = stamp(tsa);
        }
        try (DevTsa tsa = DevTsa.onLoopback(dir, 0)) {
            tsa.start();
            assertThat(tsa.certificate()).isEqualTo(first);
            TimestampToken after = stamp(tsa);
            assertThat(after.serialNumber()).isGreaterThan(before.serialNumber());
        }
        assertThat(Files.readString(dir.resolve("tsa-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void refusesOtherContentTypes(@TempDir Path dir) throws Exception {
        try (DevTsa tsa = DevTsa.onLoopback(dir, 0)) {
            tsa.start();
            assertThat(post(tsa.url(), new byte[] {1}, "text/plain").statusCode()).isEqualTo(415);
            HttpResponse<byte[]> garbage = post(tsa.url(), new byte[] {1, 2, 3}, "application/timestamp-query");
            assertThat(TimestampResponse.decode(garbage.body()).granted()).isFalse();
        }
    }

    private static TimestampToken stamp(DevTsa tsa) {
        try (TspClient client = new TspClient(TspClientConfig.DEFAULTS, verifier(tsa.url(), tsa.certificate()))) {
            return client.stamp(TimestampQuery.sha256(DATA));
        }
    }

    private static TimestampVerifier verifier(URI url, X509Certificate cert) {
        return new TimestampVerifier(List.of(new ApprovedTsa("dev", url, cert)), Optional.of(DevTsa.POLICY_OID));
    }

    private static HttpResponse<byte[]> post(URI url, byte[] body, String type) throws IOException,
            InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(url).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

}
