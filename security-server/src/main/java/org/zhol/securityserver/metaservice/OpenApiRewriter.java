// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Hides the provider's addresses in an OpenAPI 3 document, as X-Road does for {@code getOpenAPI}: each
 * {@code servers[].url} without a {@code {variable}} is replaced by its path alone
 * ({@code https://is.example/api/v1} becomes {@code /api/v1}). The document is JSON when its content
 * type names JSON, YAML when it names YAML, else JSON when the URL's path ends in {@code .json} and YAML
 * otherwise; it is written back in the same form (reformatted).
 *
 * <p>A document that does not parse, is not an object, or declares an {@code openapi} version other
 * than 3.x is {@code ServiceFailed.InvalidResponse} (origin {@code PROVIDER}).
 */
final class OpenApiRewriter {

    private final ObjectMapper json;
    private final ObjectMapper yaml;

    /** @param maxDocumentBytes the largest document, so that the YAML parser's own limit is not lower */
    OpenApiRewriter(int maxDocumentBytes) {
        this.json = new ObjectMapper();
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(maxDocumentBytes);
        this.yaml = new YAMLMapper(YAMLFactory.builder().loaderOptions(loader).build());
    }

    byte[] rewrite(byte[] document, Optional<String> contentType, URI url) {
        ObjectMapper mapper = isJson(contentType, url) ? json : yaml;
        JsonNode tree;
        try {
            tree = mapper.readTree(document);
        } catch (java.io.IOException | RuntimeException e) {
            throw DescriptionClient.failed(ErrorCode.INVALID_RESPONSE, "The OpenAPI description does not parse");
        }
        if (!(tree instanceof ObjectNode root)) {
            throw DescriptionClient.failed(ErrorCode.INVALID_RESPONSE, "The OpenAPI description is not an object");
        }
        JsonNode version = root.get("openapi");
        if (version != null && !version.asText().startsWith("3.")) {
            throw DescriptionClient.failed(ErrorCode.INVALID_RESPONSE, "The service description is not OpenAPI 3");
        }
        JsonNode servers = root.get("servers");
        if (servers != null && servers.isArray()) {
            for (JsonNode server : servers) {
                hide(server);
            }
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (JacksonException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write the OpenAPI description", e);
        }
    }

    private static void hide(JsonNode server) {
        JsonNode url = server.get("url");
        if (!(server instanceof ObjectNode object) || url == null || !url.isTextual()) {
            return;
        }
        String text = url.asText();
        if (text.contains("{") && text.contains("}")) {
            return;
        }
        try {
            String path = new URI(text).getPath();
            object.put("url", path == null ? "" : path);
        } catch (URISyntaxException e) {
            throw DescriptionClient.failed(ErrorCode.INVALID_RESPONSE, "A server URL in the OpenAPI description is malformed");
        }
    }

    private static boolean isJson(Optional<String> contentType, URI url) {
        String type = contentType.orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return true;
        }
        if (type.contains("yaml")) {
            return false;
        }
        String path = url.getPath();
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".json");
    }
}
