// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import org.zhol.protocol.id.RepresentedParty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.XRoadId;

/** Runs every REST r1 vector in {@code vectors/rest/} (format in that directory's README.md). */
class RestVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> vectors() throws IOException, URISyntaxException {
        Path dir = Path.of(RestVectorsTest.class.getResource("/vectors/rest").toURI());
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String name = p.getFileName().toString().replace(".json", "");
                out.add(Arguments.of(name, JSON.readTree(p.toFile())));
            }
        }
        assertThat(out).hasSizeGreaterThan(100);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(String name, JsonNode v) {
        switch (v.get("kind").asText()) {
            case "target" -> target(v);
            case "requestHeaders" -> requestHeaders(v);
            case "responseHeaders" -> responseHeaders(v);
            case "filter" -> filter(v);
            case "hash" -> hash(v);
            case "errorRender" -> errorRender(v);
            case "errorParse" -> errorParse(v);
            default -> throw new AssertionError("unknown kind in " + name);
        }
    }

    private static void target(JsonNode v) {
        String input = pad(v.get("input").asText(), v.path("padTo").asInt(0));
        if (v.has("fault")) {
            expectFault(v.get("fault").asText(), Origin.CLIENT, () -> RestTargetCodec.parse(input));
            return;
        }
        RestRequestTarget t = RestTargetCodec.parse(input);
        JsonNode e = v.get("expect");
        assertThat(t.service().toPath()).isEqualTo(e.get("service").asText());
        if (!e.get("servicePath").isNull()) {
            assertThat(t.servicePath()).isEqualTo(e.get("servicePath").asText());
        }
        assertThat(t.rawQuery()).isEqualTo(optText(e, "query"));
        String emitted = t.toPath();
        if (v.has("emitted")) {
            assertThat(emitted).isEqualTo(v.get("emitted").asText());
        }
        assertThat(RestTargetCodec.parse(emitted)).isEqualTo(t);
        if (v.has("providerFault")) {
            expectFault(v.get("providerFault").asText(), Origin.THIS_SERVER,
                    () -> RestTargetCodec.providerUri(v.get("providerBase").asText(), t));
        } else if (v.has("providerBase")) {
            assertThat(RestTargetCodec.providerUri(v.get("providerBase").asText(), t))
                    .hasToString(v.get("providerUri").asText());
        }
    }

    private static void requestHeaders(JsonNode v) {
        if (v.has("fault")) {
            expectFault(v.get("fault").asText(), Origin.CLIENT, () -> RestHeaderCodec.parseRequest(headers(v)));
            return;
        }
        RestRequestHeaders h = RestHeaderCodec.parseRequest(headers(v));
        JsonNode e = v.get("expect");
        assertThat(h.client().toPath()).isEqualTo(e.get("client").asText());
        assertThat(h.messageId()).isEqualTo(optText(e, "messageId"));
        assertThat(h.userId()).isEqualTo(optText(e, "userId"));
        assertThat(h.issue()).isEqualTo(optText(e, "issue"));
        assertThat(h.requestId()).isEqualTo(optText(e, "requestId"));
        assertThat(h.securityServer().map(XRoadId::toPath)).isEqualTo(optText(e, "securityServer"));
        assertThat(h.representedParty().map(RestHeaderCodec::representedPartyValue)).isEqualTo(optText(e, "representedParty"));
        assertThat(RestHeaderCodec.parseRequest(RestHeaderCodec.emitRequest(h))).isEqualTo(h);
    }

    private static void responseHeaders(JsonNode v) {
        if (v.has("fault")) {
            expectFault(v.get("fault").asText(), Origin.CLIENT, () -> RestHeaderCodec.parseResponse(headers(v)));
            return;
        }
        RestResponseHeaders h = RestHeaderCodec.parseResponse(headers(v));
        JsonNode e = v.get("expect");
        assertThat(h.client().map(XRoadId::toPath)).isEqualTo(optText(e, "client"));
        assertThat(h.service().map(XRoadId::toPath)).isEqualTo(optText(e, "service"));
        assertThat(h.messageId()).isEqualTo(optText(e, "messageId"));
        assertThat(h.requestId()).isEqualTo(optText(e, "requestId"));
        assertThat(h.requestHash()).isEqualTo(optText(e, "requestHash"));
        assertThat(h.error()).isEqualTo(optText(e, "error"));
        assertThat(h.errorCode().map(FaultCode::toString)).isEqualTo(optText(e, "errorCode"));
        assertThat(RestHeaderCodec.parseResponse(RestHeaderCodec.emitResponse(h))).isEqualTo(h);
    }

    private static void filter(JsonNode v) {
        List<HttpHeader> in = headers(v);
        List<HttpHeader> out = switch (v.get("mode").asText()) {
            case "forward" -> HeaderFilter.forward(in);
            case "request" -> HeaderFilter.forwardRequest(in);
            case "response" -> HeaderFilter.forwardResponse(in);
            default -> throw new AssertionError("unknown mode");
        };
        assertThat(out).isEqualTo(pairs(v.get("expect")));
    }

    private static void hash(JsonNode v) {
        String target = v.get("target").asText();
        byte[] body = v.get("body").asText().getBytes(StandardCharsets.UTF_8);
        if (v.has("fault")) {
            expectFault(v.get("fault").asText(), Origin.CLIENT, () -> RestRequestHash.compute(
                    RestMethod.parse(v.get("method").asText()), target, headers(v), body));
            return;
        }
        RestMethod method = RestMethod.parse(v.get("method").asText());
        String expected = v.get("expect").asText();
        assertThat(RestRequestHash.compute(method, target, headers(v), body)).isEqualTo(expected);
        RestRequestHash.Accumulator a = RestRequestHash.start(method, target, headers(v));
        for (int i = 0; i < body.length; i += 3) {
            a.update(ByteBuffer.wrap(body, i, Math.min(3, body.length - i)));
        }
        assertThat(a.finish()).isEqualTo(expected);
        assertThatCode(() -> RestRequestHash.verify(expected, a.finish())).doesNotThrowAnyException();
        String other = (expected.charAt(0) == 'A' ? 'B' : 'A') + expected.substring(1);
        expectFault("InconsistentResponse", Origin.PEER_SERVER, () -> {
            RestRequestHash.verify(expected, other);
            return null;
        });
    }

    private static void errorRender(JsonNode v) {
        FaultCode code = FaultCode.parse(v.get("fault").asText());
        ZholException fault = new ZholException(code, Origin.valueOf(v.get("origin").asText()),
                v.get("message").asText(), null);
        RestErrorResponse r = RestErrorCodec.render(fault, v.get("errorId").asText());
        JsonNode e = v.get("expect");
        assertThat(r.status()).isEqualTo(e.get("status").asInt());
        assertThat(r.headers()).isEqualTo(pairs(e.get("headers")));
        JsonNode body = readTree(r.body());
        assertThat(body).isEqualTo(e.get("body"));
        List<String> order = new ArrayList<>();
        body.fieldNames().forEachRemaining(order::add);
        assertThat(order).containsExactly("type", "message", "detail");
        RestError back = RestErrorCodec.parse(r.headers(), r.bodyBytes(), RestLimits.DEFAULTS).orElseThrow();
        assertThat(back).isEqualTo(new RestError(code.toString(), fault.detail(), v.get("errorId").asText()));
        assertThat(back.faultCode()).contains(code);
    }

    private static void errorParse(JsonNode v) {
        String text = v.get("body").asText();
        byte[] body = pad(text, v.path("padBodyTo").asInt(0)).getBytes(StandardCharsets.UTF_8);
        if (v.has("fault")) {
            expectFault(v.get("fault").asText(), Origin.CLIENT,
                    () -> RestErrorCodec.parse(headers(v), body, RestLimits.DEFAULTS));
            return;
        }
        Optional<RestError> parsed = RestErrorCodec.parse(headers(v), body, RestLimits.DEFAULTS);
        JsonNode e = v.get("expect");
        if (e.isNull()) {
            assertThat(parsed).isEmpty();
            return;
        }
        RestError err = parsed.orElseThrow();
        assertThat(err).isEqualTo(new RestError(e.get("type").asText(), e.get("message").asText(), e.get("detail").asText()));
        assertThat(err.faultCode().map(FaultCode::toString)).isEqualTo(optText(e, "faultCode"));
    }

    private static void expectFault(String code, Origin origin, Supplier<?> action) {
        assertThatThrownBy(action::get).isInstanceOfSatisfying(ZholException.class, ex -> {
            assertThat(ex.faultCode()).hasToString(code);
            assertThat(ex.origin()).isEqualTo(origin);
        });
    }

    private static List<HttpHeader> headers(JsonNode v) {
        List<HttpHeader> out = new ArrayList<>(pairs(v.get("headers")));
        for (int i = 0; i < v.path("padHeaders").asInt(0); i++) {
            out.add(new HttpHeader("X-Filler-" + i, "v"));
        }
        if (v.has("padLastValueTo")) {
            HttpHeader last = out.removeLast();
            out.add(new HttpHeader(last.name(), pad(last.value(), v.get("padLastValueTo").asInt())));
        }
        return out;
    }

    private static List<HttpHeader> pairs(JsonNode array) {
        List<HttpHeader> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            JsonNode pair = it.next();
            out.add(new HttpHeader(pair.get(0).asText(), pair.get(1).asText()));
        }
        return out;
    }

    private static Optional<String> optText(JsonNode node, String field) {
        JsonNode f = node.get(field);
        return f == null || f.isNull() ? Optional.empty() : Optional.of(f.asText());
    }

    private static String pad(String s, int length) {
        return s.length() >= length ? s : s + "a".repeat(length - s.length());
    }

    private static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
