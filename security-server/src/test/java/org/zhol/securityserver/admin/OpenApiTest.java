// SPDX-License-Identifier: MIT
package org.zhol.securityserver.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hand-written OpenAPI document lists exactly the operations that the API routes. */
class OpenApiTest {

    @Test
    void everyRouteIsDocumentedAndNothingElse() throws Exception {
        JsonNode doc;
        try (InputStream in = AdminApi.class.getResourceAsStream(AdminApi.OPENAPI_RESOURCE)) {
            doc = new ObjectMapper().readTree(in);
        }
        assertThat(doc.get("openapi").asText()).startsWith("3.0");
        Set<String> documented = new HashSet<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(op -> documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> routed = new HashSet<>();
        AdminApi api = new AdminApi(new AdminApi.Parts(null, null, null, null, null, null, null, null, null), new ObjectMapper());
        api.routes().forEach(r -> routed.add(r.method() + " " + r.pattern()));
        assertThat(documented).isEqualTo(routed);
        api.routes().stream().filter(AdminRoute::open).forEach(r -> assertThat(
                doc.at("/paths/" + r.pattern().replace("/", "~1") + "/get/security").isArray()).isTrue());
    }
}
