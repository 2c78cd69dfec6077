// SPDX-License-Identifier: MIT
package org.zhol.securityserver.ocsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.server.http.HttpServer;
import org.zhol.server.http.HttpServerConfig;
import org.zhol.server.http.Router;

/** Peers fetch the fresh responses of the server's own certificates over HTTP. */
class OwnOcspHandlerTest extends OcspCacheTest {

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
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
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

        responder.stop();
        clock.advance(Duration.ofMinutes(61));
        assertThat(get("/ocsp/" + hash).statusCode()).isEqualTo(404); // stale
    }
}
