// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.EffectiveAnchor;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.server.http.HttpServer;
import org.zhol.server.http.Router;

/** Downloading over real HTTP, as a security server does, and verifying against the exported anchor. */
class ConfigurationHttpTest {

    @TempDir
    Path data;
    private final HttpClient client = HttpClient.newHttpClient();
    private PublisherFixture fixture;
    private ConfigurationPublisher publisher;
    private HttpServer server;
    private URI base;

    @BeforeEach
    void setUp() throws Exception {
        server = new HttpServer(ConfigurationHttp.listener("127.0.0.1", 0), request -> router().handle(request),
                new ObjectMapper()).start();
        base = URI.create("http://127.0.0.1:" + server.port() + "/");
        fixture = new PublisherFixture(data, List.of(base));
        fixture.keys.initialise();
        publisher = fixture.publisher(fixture.keys);
        publisher.publishIfNeeded();
    }

    /** The download routes, and the anchor route that the lead mounts on the admin API. */
    private Router router() {
        return new ConfigurationHttp(fixture.store()).routes(Router.builder())
                .get("/anchor", new AnchorExport(fixture.config(), fixture.keys).handler()).build();
    }

    @AfterEach
    void tearDown() {
        server.close();
        client.close();
    }

    @Test
    void aSecurityServerDownloadsAndVerifiesTheLatestGenerationWithTheExportedAnchor() throws Exception {
        HttpResponse<byte[]> anchorResponse = get("anchor", null);
        assertThat(anchorResponse.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).contains("anchor.json"));
        ConfigurationAnchor anchor = ConfigurationAnchorCodec.decode(anchorResponse.body());
        assertThat(anchor.downloadUrls()).containsExactly(base);
        assertThat(anchor.signingCertificates()).containsExactly(fixture.keys.signingKey().certificate());

        try (ConfigurationDownloader downloader = new ConfigurationDownloader(EffectiveAnchor.installed(anchor))) {
            EffectiveAnchor.Update update = downloader.update(fixture.clock.instant());

            assertThat(update.configuration().directory().generation()).isEqualTo(1);
            assertThat(update.configuration().configuration()).isEqualTo(fixture.source.current());
            assertThat(update.anchor().anchor().signingCertificates()).isEqualTo(anchor.signingCertificates());
        }
    }

    @Test
    void latestIsRevalidatedAndGenerationFilesAreImmutable() throws Exception {
        HttpResponse<byte[]> latest = get("v1/DEV/latest", null);
        assertThat(latest.body()).isEqualTo("1\n".getBytes());
        assertThat(latest.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(latest.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String latestTag = latest.headers().firstValue("ETag").orElseThrow();
        assertThat(get("v1/DEV/latest", latestTag).statusCode()).isEqualTo(304);

        HttpResponse<byte[]> directory = get("v1/DEV/1/directory.json", null);
        assertThat(directory.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(directory.headers().firstValue("Cache-Control")).hasValue(ConfigurationHttp.FILE_CACHE_CONTROL);
        String tag = directory.headers().firstValue("ETag").orElseThrow();
        assertThat(get("v1/DEV/1/directory.json", tag).statusCode()).isEqualTo(304);
        assertThat(get("v1/DEV/1/directory.json", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(get("v1/DEV/1/directory.json.p7s", null).headers().firstValue("Content-Type"))
                .hasValue("application/pkcs7-signature");
        assertThat(get("v1/DEV/1/anchor.json", null).statusCode()).isEqualTo(200);

        fixture.rename("Changed");
        publisher.publishIfNeeded();
        assertThat(get("v1/DEV/latest", latestTag).statusCode()).isEqualTo(200);
        assertThat(get("v1/DEV/1/directory.json", tag).statusCode()).as("generation 1 never changes").isEqualTo(304);
    }

    @Test
    void unknownInstancesGenerationsAndFilesAreNotFound() throws Exception {
        for (String path : List.of("v1/EE/latest", "v1/EE/1/directory.json", "v1/DEV/2/directory.json",
                "v1/DEV/0/directory.json", "v1/DEV/x/directory.json", "v1/DEV/1/nope.json",
                "v1/DEV/1/..%2Flatest", "v1/DEV/1/.hidden", "v1/DEV/99999999999999999999/directory.json",
                "v2/DEV/latest")) {
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void aTamperedDownloadIsDetected() throws Exception {
        Path part = fixture.config().directory().resolve("v1/DEV/1/" + GlobalConfLayout.SHARED_PARAMS);
        Files.writeString(part, Files.readString(part).replace("Tax Board", "Tax Bored"));
        ConfigurationAnchor anchor = new AnchorExport(fixture.config(), fixture.keys).anchor();

        try (ConfigurationDownloader downloader = new ConfigurationDownloader(EffectiveAnchor.installed(anchor))) {
            assertThatThrownBy(() -> downloader.update(fixture.clock.instant()))
                    .isInstanceOfSatisfying(ZholException.class,
                            e -> assertThat(e.faultCode()).hasToString("InvalidReference"));
        }
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
