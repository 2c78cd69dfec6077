// SPDX-License-Identifier: MIT
package org.zhol.protocol.fuzz;

import static org.zhol.protocol.error.ErrorCode.BAD_REQUEST;
import static org.zhol.protocol.error.ErrorCode.DUPLICATE_HEADER_FIELD;
import static org.zhol.protocol.error.ErrorCode.INVALID_CLIENT_IDENTIFIER;
import static org.zhol.protocol.error.ErrorCode.INVALID_PROTOCOL_VERSION;
import static org.zhol.protocol.error.ErrorCode.INVALID_RESPONSE;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.rest.HeaderFilter;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestErrorCodec;
import org.zhol.protocol.rest.RestHeaderCodec;
import org.zhol.protocol.rest.RestLimits;
import org.zhol.protocol.rest.RestMethod;
import org.zhol.protocol.rest.RestRequestHash;
import org.zhol.protocol.rest.RestRequestHeaders;
import org.zhol.protocol.rest.RestRequestTarget;
import org.zhol.protocol.rest.RestResponseHeaders;
import org.zhol.protocol.rest.RestTargetCodec;

/**
 * Fuzz target {@code rest}: the REST r1 request target, the X-Road-* request and response headers, and
 * the JSON error body (PR-REST §4; {@code docs/rest.md}).
 *
 * <p>Input: UTF-8 text. The first line is the request target, the next lines up to an empty line are
 * header fields {@code name:value}, and what follows the empty line is a body, read as an error body.
 * Besides the contract of {@link FuzzContract}, a parsed target or header set must re-emit to text that
 * parses to the same value. Seeds: every {@code vectors/rest/*.json} case, turned into this form.
 */
class RestFuzzTest {

    private static final Set<ErrorCode> TARGET_CODES =
            FuzzContract.codes(BAD_REQUEST, INVALID_PROTOCOL_VERSION, INVALID_CLIENT_IDENTIFIER);
    private static final Set<ErrorCode> HEADER_CODES =
            FuzzContract.codes(BAD_REQUEST, INVALID_CLIENT_IDENTIFIER, DUPLICATE_HEADER_FIELD);
    private static final String DEFAULT_TARGET = "/r1/DEV/COM/222/SUB/svc/p?q=1";
    private static final String PROVIDER_BASE = "https://provider.example.org:8443/api/";

    static Stream<Arguments> seeds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Arguments> seeds = new ArrayList<>();
        for (Path file : Seeds.files("rest", n -> n.endsWith(".json"))) {
            JsonNode v = json.readTree(Files.readAllBytes(file));
            StringBuilder text = new StringBuilder();
            // Header and error-body cases have no target of their own; they get a valid one.
            text.append(v.has("input") ? v.get("input").asText() : v.path("target").asText(DEFAULT_TARGET));
            for (JsonNode header : v.path("headers")) {
                text.append('\n').append(header.get(0).asText()).append(':').append(header.get(1).asText());
            }
            if (v.has("body")) {
                text.append("\n\n").append(v.get("body").asText());
            }
            seeds.add(Seeds.seed(file.getFileName().toString(), text.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return seeds.stream();
    }

    @MethodSource("seeds")
    @FuzzTest
    void restRequest(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int split = text.indexOf("\n\n");
        String[] lines = (split < 0 ? text : text.substring(0, split)).split("\n", -1);
        byte[] body = split < 0 ? new byte[0] : text.substring(split + 2).getBytes(StandardCharsets.UTF_8);
        String target = lines[0];

        FuzzContract.holds("RestTargetCodec.parse", TARGET_CODES, () -> checkTarget(target));

        List<HttpHeader> headers = new ArrayList<>();
        boolean wellFormed = FuzzContract.holds("HttpHeader", Set.of(BAD_REQUEST), () -> {
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.add(colon < 0 ? new HttpHeader(lines[i], "")
                        : new HttpHeader(lines[i].substring(0, colon), lines[i].substring(colon + 1)));
            }
        });
        if (!wellFormed) {
            return;
        }
        FuzzContract.holds("RestHeaderCodec.parseRequest", HEADER_CODES, () -> {
            RestRequestHeaders parsed = RestHeaderCodec.parseRequest(headers);
            same(parsed, RestHeaderCodec.parseRequest(RestHeaderCodec.emitRequest(parsed)), "request headers");
        });
        FuzzContract.holds("RestHeaderCodec.parseResponse", HEADER_CODES, () -> {
            RestResponseHeaders parsed = RestHeaderCodec.parseResponse(headers);
            same(parsed, RestHeaderCodec.parseResponse(RestHeaderCodec.emitResponse(parsed)), "response headers");
        });
        FuzzContract.holds("RestErrorCodec.parse", Set.of(INVALID_RESPONSE),
                () -> RestErrorCodec.parse(headers, body, RestLimits.DEFAULTS));
        List<HttpHeader> forwarded = HeaderFilter.forwardRequest(headers);
        RestRequestHash.compute(RestMethod.POST, target, forwarded, body);
    }

    private static void checkTarget(String target) {
        RestRequestTarget parsed = RestTargetCodec.parse(target);
        same(parsed, RestTargetCodec.parse(RestTargetCodec.clientPath(parsed)), "request target");
        String uri = RestTargetCodec.providerUri(PROVIDER_BASE, parsed).toString();
        if (!uri.startsWith(PROVIDER_BASE.substring(0, PROVIDER_BASE.length() - 1))) {
            throw new AssertionError("the provider URI " + uri + " left the service's base URL");
        }
    }

    private static void same(Object first, Object again, String what) {
        if (!first.equals(again)) {
            throw new AssertionError("the " + what + " changed when re-emitted and parsed: " + first + " then "
                    + again);
        }
    }
}
