// SPDX-License-Identifier: MIT
package org.zhol.protocol.rest;

import org.zhol.protocol.id.RepresentedParty;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;

/** Properties of the REST r1 codec: hostile input only ever yields ZholException; emit-then-parse is the identity. */
class RestCodecPropertiesTest {

    private static final String CODE_CHARS = "ABCXYZabcxyz0129'()+,-.=?";
    private static final String URI_CHARS = "/r1ELGOVSUB%2e2E2f5C0aGz.?#&=+:@!$'()*,;~_- \\\u0000\u00e4";

    @Property(tries = 2000)
    void targetParseOnlyThrowsZholException(@ForAll("hostileTargets") String target) {
        try {
            RestRequestTarget t = RestTargetCodec.parse(target);
            assertThat(RestTargetCodec.parse(t.toPath())).isEqualTo(t);
        } catch (ZholException expected) {
            assertThat(expected.faultCode()).isNotNull();
        }
    }

    @Property(tries = 500)
    void targetParseOfAnyStringOnlyThrowsZholException(@ForAll String target) {
        try {
            RestTargetCodec.parse(target);
        } catch (ZholException expected) {
            assertThat(expected.detail()).isNotNull();
        }
    }

    @Property(tries = 1000)
    void headerParseOnlyThrowsZholException(@ForAll @Size(max = 6) List<@From("headerNames") String> names,
            @ForAll @Size(min = 6, max = 6) List<@From("hostileValues") String> values) {
        try {
            List<HttpHeader> headers = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                headers.add(new HttpHeader(names.get(i), values.get(i)));
            }
            tryParse(() -> RestHeaderCodec.parseRequest(headers));
            tryParse(() -> RestHeaderCodec.parseResponse(headers));
            HeaderFilter.forwardRequest(headers);
        } catch (ZholException expected) {
            assertThat(expected.faultCode()).isNotNull();
        }
    }

    @Property(tries = 500)
    void errorBodyParseOnlyThrowsZholException(@ForAll byte[] body) {
        try {
            RestErrorCodec.parseBody(body, RestLimits.DEFAULTS);
        } catch (ZholException expected) {
            assertThat(expected.faultCode()).hasToString("InvalidResponse");
        }
    }

    @Property(tries = 1000)
    void emitThenParseTargetIsIdentity(@ForAll("targets") RestRequestTarget target) {
        assertThat(RestTargetCodec.parse(target.toPath())).isEqualTo(target);
    }

    @Property(tries = 1000)
    void emitThenParseRequestHeadersIsIdentity(@ForAll("clients") ClientId client, @ForAll("codes") String code,
            @ForAll Optional<@From("texts") String> messageId, @ForAll boolean withServer) {
        Optional<SecurityServerId> server = withServer
                ? Optional.of(new SecurityServerId(client.member(), code)) : Optional.empty();
        RestRequestHeaders h = new RestRequestHeaders(client, messageId, messageId, Optional.empty(), server,
                Optional.of(new RepresentedParty(Optional.of(code), code)), Optional.empty());
        assertThat(RestHeaderCodec.parseRequest(RestHeaderCodec.emitRequest(h))).isEqualTo(h);
    }

    @Property(tries = 300)
    void streamedHashEqualsOneShot(@ForAll byte[] body, @ForAll("chunk") int chunk) {
        List<HttpHeader> headers = List.of(new HttpHeader("X-Road-Client", "EE/GOV/1/SUB"));
        String oneShot = RestRequestHash.compute(RestMethod.POST, "/r1/EE/GOV/1/SUB/svc", headers, body);
        RestRequestHash.Accumulator a = RestRequestHash.start(RestMethod.POST, "/r1/EE/GOV/1/SUB/svc", headers);
        for (int i = 0; i < body.length; i += chunk) {
            a.update(ByteBuffer.wrap(body, i, Math.min(chunk, body.length - i)));
        }
        assertThat(a.finish()).isEqualTo(oneShot);
    }

    private static void tryParse(Runnable parse) {
        try {
            parse.run();
        } catch (ZholException expected) {
            assertThat(expected.faultCode()).isNotNull();
        }
    }

    @Provide
    Arbitrary<String> hostileTargets() {
        Arbitrary<String> tail = Arbitraries.strings().withChars(URI_CHARS).ofMaxLength(60);
        return Arbitraries.oneOf(tail, tail.map(t -> "/r1/" + t), tail.map(t -> "/r1/EE/GOV/1/SUB/svc/" + t));
    }

    @Provide
    Arbitrary<String> headerNames() {
        return Arbitraries.of("X-Road-Client", "x-road-client", "X-Road-Id", "X-Road-Security-Server",
                "X-Road-Represented-Party", "X-Road-Service", "X-Road-Request-Hash", "X-Road-Error", "Connection",
                "Proxy-Foo", "Bad Name", "");
    }

    @Provide
    Arbitrary<String> hostileValues() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("EGOVSUB/%2F3aG:\r\n\t \u0001\u00e4.").ofMaxLength(30),
                Arbitraries.strings().ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.strings().withChars(CODE_CHARS).ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().alpha().numeric().withChars("-:/ ").ofMinLength(1).ofMaxLength(40)
                .filter(s -> !s.isBlank() && s.equals(s.strip()));
    }

    @Provide
    Arbitrary<ClientId> clients() {
        Arbitrary<MemberId> members = Combinators.combine(codes(), codes(), codes()).as(MemberId::new);
        return Arbitraries.oneOf(members.map(m -> m), Combinators.combine(members, codes()).as(SubsystemId::new));
    }

    @Provide
    Arbitrary<RestRequestTarget> targets() {
        Arbitrary<ServiceId> services = Combinators.combine(codes(), codes(), codes(), codes(), codes())
                .as((a, b, c, d, e) -> new SubsystemId(new MemberId(a, b, c), d).service(e));
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcXYZ019-._~!$&'()*+,;=:@").ofMaxLength(8),
                Arbitraries.integers().between(0x20, 0xFF).filter(b -> b != 0x2F && b != 0x5C && b != 0x7F)
                        .map(b -> String.format("%%%02X", b)))
                .filter(s -> !s.equals(".") && !s.equals("..") && !s.equalsIgnoreCase("%2E"));
        Arbitrary<String> path = segment.list().ofMaxSize(4).map(l -> l.isEmpty() ? "" : "/" + String.join("/", l));
        Arbitrary<Optional<String>> query = Arbitraries.strings().withChars("ab=&?/%20+").ofMaxLength(12)
                .filter(q -> !q.matches(".*%(?![0-9A-Fa-f]{2}).*")).optional();
        return Combinators.combine(services, path, query).as(RestRequestTarget::new);
    }

    @Provide
    Arbitrary<Integer> chunk() {
        return Arbitraries.integers().between(1, 64);
    }
}
