// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/** Fetching descriptions over real HTTP: the size limit, the status rule, unreachable and slow providers. */
class DescriptionClientTest {

    static final int LIMIT = 4096;

    private DocumentServer is;
    private HttpClient http;
    private DescriptionClient client;

    @BeforeEach
    void setUp() {
        is = new DocumentServer();
        http = HttpClient.newHttpClient();
        client = new DescriptionClient(http, config(Duration.ofSeconds(30)));
    }

    @AfterEach
    void tearDown() {
        http.close();
        is.close();
    }

    @Test
    void aDocumentUpToTheLimitArrivesWhole() {
        byte[] doc = filled(LIMIT);
        is.serve("/a", DocumentServer.Answer.ok("text/xml", doc));
        is.serve("/b", DocumentServer.Answer.ok("text/xml", doc).streamed());
        for (String path : new String[] {"/a", "/b"}) {
            DescriptionClient.Document d = client.fetch(is.url(path));
            assertThat(d.bytes()).isEqualTo(doc);
            assertThat(d.contentType()).contains("text/xml");
        }
    }

    @Test
    void anOversizeDocumentIsRefusedWithOrWithoutLength() {
        is.serve("/declared", DocumentServer.Answer.ok("text/xml", filled(LIMIT + 1)));
        is.serve("/streamed", DocumentServer.Answer.ok("text/xml", filled(20 * LIMIT)).streamed());
        for (String path : new String[] {"/declared", "/streamed"}) {
            assertThatThrownBy(() -> client.fetch(is.url(path))).isInstanceOfSatisfying(ZholException.class, e -> {
                assertThat(e.faultCode().toString()).isEqualTo("ServiceFailed.InvalidResponse");
                assertThat(e.origin()).isEqualTo(Origin.PROVIDER);
                assertThat(e.detail()).isEqualTo("The service description is longer than " + LIMIT + " bytes");
            });
        }
    }

    @Test
    void onlyTwoHundredIsADocument() {
        is.serve("/moved", new DocumentServer.Answer(302, "text/html", "gone".getBytes(), false, Duration.ZERO));
        is.serve("/broken", new DocumentServer.Answer(500, "text/plain", "oops".getBytes(), false, Duration.ZERO));
        assertFailed(is.url("/moved"), ErrorCode.HTTP_ERROR, "HTTP 302");
        assertFailed(is.url("/broken"), ErrorCode.HTTP_ERROR, "HTTP 500");
        assertFailed(is.url("/missing"), ErrorCode.HTTP_ERROR, "HTTP 404");
    }

    @Test
    void anUnreachableOrSlowProviderIsANetworkError() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertFailed(URI.create("http://127.0.0.1:" + closed + "/x"), ErrorCode.NETWORK_ERROR, "could not be fetched");
        // A generous deadline everywhere else; here the provider takes far longer than this one.
        client = new DescriptionClient(http, config(Duration.ofSeconds(1)));
        is.serve("/slow", DocumentServer.Answer.ok("text/xml", filled(10)).after(Duration.ofSeconds(60)));
        assertFailed(is.url("/slow"), ErrorCode.NETWORK_ERROR, "did not arrive within 1 s");
    }

    @Test
    void detailsNeverNameTheUrl() {
        assertThatThrownBy(() -> client.fetch(is.url("/secret-path"))).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.detail()).doesNotContain("secret").doesNotContain("127.0.0.1"));
    }

    private static MetaserviceConfig config(Duration timeout) {
        return new MetaserviceConfig(timeout, LIMIT, 64 << 10, MetaserviceConfig.DescriptionAccess.RESTRICTED);
    }

    private void assertFailed(URI url, ErrorCode second, String detail) {
        assertThatThrownBy(() -> client.fetch(url)).isInstanceOfSatisfying(ZholException.class, e -> {
            assertThat(e.faultCode().segments()).containsExactly(ErrorCode.SERVICE_FAILED, second);
            assertThat(e.origin()).isEqualTo(Origin.PROVIDER);
            assertThat(e.detail()).contains(detail);
        });
    }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x');
        return b;
    }
}
