// SPDX-License-Identifier: MIT
package org.zhol.examples.integrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.examples.demo.PersonDirectory;
import org.zhol.examples.provider.DocumentsApi;
import org.zhol.examples.provider.ExposeRestApi;
import org.zhol.examples.sandbox.Sandbox;
import org.zhol.examples.sandbox.SandboxConfig;
import org.zhol.examples.sandbox.SandboxGuide;
import org.zhol.examples.sandbox.SandboxPorts;
import org.zhol.examples.sandbox.SandboxState;

/**
 * The integrator's and the provider's examples (examples/integrator, examples/provider) against one
 * sandbox started in this JVM on free ports: the REST consumer on {@code HttpClient} and the SOAP
 * consumer on SAAJ get persons through SS1 and SS2, and see faults as X-Road faults; the provider's
 * adapter offers an existing API as a new service, which TAXES may then GET and nothing more.
 */
@Timeout(300)
class ExamplesAgainstSandboxTest {

    private static final String TAXES = "DEV/GOV/2002/TAXES";
    private static final String ID = PersonDirectory.FIRST_ID;

    @TempDir
    static Path dir;
    static Sandbox sandbox;
    static SandboxState state;
    static URI proxy;

    @BeforeAll
    static void startSandbox() {
        sandbox = Sandbox.create(new SandboxConfig(dir, "127.0.0.1", SandboxPorts.EPHEMERAL, "example-pin-1234"));
        state = sandbox.state();
        proxy = URI.create(SandboxGuide.clientProxy(state));
    }

    @AfterAll
    static void stopSandbox() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void theRestConsumerGetsSearchesAndChangesThroughTheSecurityServers() throws Exception {
        RestConsumer registry = new RestConsumer(proxy, TAXES, "DEV/GOV/1001/REGISTRY/persons");

        RestConsumer.Answer person = registry.person(ID);
        assertThat(person.status()).isEqualTo(200);
        assertThat(person.body().path("id").asText()).isEqualTo(ID);
        assertThat(person.xroadId()).isNotBlank();
        assertThat(person.requestHash()).isNotBlank();

        String family = person.body().path("familyName").asText();
        RestConsumer.Answer found = registry.search(family);
        assertThat(found.body().path("persons").findValuesAsText("familyName")).isNotEmpty().allMatch(family::equals);

        RestConsumer.Answer moved = registry.changeAddress(ID, "Lai 9, Tartu");
        assertThat(moved.status()).isEqualTo(201);
        assertThat(moved.body().path("newAddress").asText()).isEqualTo("Lai 9, Tartu");
        assertThat(registry.person(ID).body().path("address").asText()).isEqualTo("Lai 9, Tartu");

        // The provider's own 404 passes through as an answer; a fault of the security servers is an exception.
        assertThat(registry.person("00000000000").status()).isEqualTo(404);
        RestConsumer stranger = new RestConsumer(proxy, "DEV/GOV/2002/NOBODY", "DEV/GOV/1001/REGISTRY/persons");
        assertThatThrownBy(() -> stranger.person(ID)).isInstanceOfSatisfying(XRoadFaultException.class,
                f -> assertThat(f.code()).startsWith("Server.ClientProxy."));
    }

    @Test
    void theSaajConsumerGetsAPersonAndSeesFaults() throws Exception {
        SoapConsumer registry = new SoapConsumer(proxy, TAXES, "DEV/GOV/1001/REGISTRY/getPerson", "EE38001010000");

        SoapConsumer.Answer answer = registry.getPerson(ID);
        assertThat(answer.person()).containsEntry("id", ID).containsKeys("givenName", "familyName", "address");
        assertThat(answer.messageId()).isNotBlank();
        assertThat(answer.requestHash()).isNotBlank();

        assertThatThrownBy(() -> registry.getPerson("00000000000")).isInstanceOfSatisfying(XRoadFaultException.class,
                f -> assertThat(f.getMessage()).contains("No person with id '00000000000'"));
        SoapConsumer stranger = new SoapConsumer(proxy, "DEV/GOV/2002/NOBODY", "DEV/GOV/1001/REGISTRY/getPerson",
                "EE38001010000");
        assertThatThrownBy(() -> stranger.getPerson(ID)).isInstanceOfSatisfying(XRoadFaultException.class,
                f -> assertThat(f.code()).startsWith("Server.ClientProxy."));
    }

    @Test
    void theProvidersAdapterOffersAnExistingApiWithOnlyWhatIsGranted() throws Exception {
        try (DocumentsApi api = new DocumentsApi("127.0.0.1", 0)) {
            ExposeRestApi ss2 = new ExposeRestApi(URI.create("http://127.0.0.1:" + state.ports().ss2().admin()),
                    state.ss2Token());
            assertThat(ss2.addService("DEV/GOV/1001/REGISTRY", "documents", api.baseUrl(),
                    URI.create(api.baseUrl() + "/openapi.json")).path("serviceCode").asText()).isEqualTo("documents");
            ss2.grant("DEV/GOV/1001/REGISTRY", "documents", TAXES, "GET", "/{personId}");

            String documents = proxy + "/r1/DEV/GOV/1001/REGISTRY/documents";
            HttpResponse<String> got = get(documents + "/" + ID, "GET");
            assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
            assertThat(got.body()).contains("\"personId\":\"" + ID + "\"").contains("\"askedBy\":\"" + TAXES + "\"");
            assertThat(got.headers().firstValue("X-Road-Service")).contains("DEV/GOV/1001/REGISTRY/documents");

            HttpResponse<String> notGranted = get(documents + "/" + ID, "DELETE");
            assertThat(notGranted.headers().firstValue("X-Road-Error")).contains("Server.ServerProxy.AccessDenied");
            HttpResponse<String> deeper = get(documents + "/" + ID + "/history", "GET");
            assertThat(deeper.headers().firstValue("X-Road-Error")).contains("Server.ServerProxy.AccessDenied");

            HttpResponse<String> openApi = get(proxy + "/r1/DEV/GOV/1001/REGISTRY/getOpenAPI?serviceCode=documents",
                    "GET");
            assertThat(openApi.statusCode()).isEqualTo(200);
            assertThat(openApi.body()).contains("documentsOf");
        }
    }

    private static HttpResponse<String> get(String url, String method) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("X-Road-Client", TAXES)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), BodyHandlers.ofString());
    }
}
