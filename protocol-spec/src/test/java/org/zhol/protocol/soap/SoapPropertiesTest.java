// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import org.zhol.protocol.id.RepresentedParty;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.namespace.QName;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.id.XRoadId;

class SoapPropertiesTest {

    private static final SoapLimits LIMITS = SoapLimits.defaults();

    @Property(tries = 300)
    void randomBytesIntoHeaderReaderOnlyThrowZholException(@ForAll @Size(max = 600) byte[] noise) {
        onlyZhol(() -> SoapHeaderCodec.read(new ByteArrayInputStream(noise), null, LIMITS).close());
    }

    @Property(tries = 300)
    void mutatedVectorIntoHeaderReaderOnlyThrowsZholException(@ForAll("positions") int at, @ForAll byte value) {
        byte[] data = SoapVectorsTest.bytes("request-full.xml");
        data[at % data.length] = value;
        onlyZhol(() -> SoapHeaderCodec.read(new ByteArrayInputStream(data), null, LIMITS).close());
    }

    @Property(tries = 300)
    void randomBytesIntoSplitterOnlyThrowZholException(@ForAll @Size(max = 600) byte[] noise) {
        byte[] framed = ("--b\r\nContent-Type: text/xml\r\n\r\n" + new String(noise, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
        for (byte[] input : new byte[][] {noise, framed}) {
            onlyZhol(() -> drain(new MimePartSplitter(new ByteArrayInputStream(input), "b", LIMITS)));
        }
    }

    @Property(tries = 200)
    void splitterReturnsEachPartExactly(@ForAll @Size(min = 1, max = 5) java.util.List<@Size(max = 3000) byte[]> bodies,
            @ForAll boolean crlf) throws Exception {
        String nl = crlf ? "\r\n" : "\n";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(("preamble" + nl).getBytes(StandardCharsets.ISO_8859_1));
        // With bare LF, a body that ends in CR is ambiguous (CR LF reads as the line break).
        net.jqwik.api.Assume.that(crlf || bodies.stream().noneMatch(b -> b.length > 0 && b[b.length - 1] == '\r'));
        for (byte[] body : bodies) {
            out.write(("--xyzBOUNDARYxyz" + nl + "X-Part: 1" + nl + nl).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.write(nl.getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write(("--xyzBOUNDARYxyz--" + nl).getBytes(StandardCharsets.ISO_8859_1));
        MimePartSplitter splitter = new MimePartSplitter(new ByteArrayInputStream(out.toByteArray()), "xyzBOUNDARYxyz", LIMITS);
        for (byte[] body : bodies) {
            MimePart part = splitter.next().orElseThrow();
            assertThat(part.headers().first("x-part")).contains("1");
            assertThat(part.body().readAllBytes()).isEqualTo(body);
        }
        assertThat(splitter.next()).isEmpty();
    }

    @Property(tries = 300)
    void writeThenReadHeaderIsIdentity(@ForAll("headers") SoapHeader header) {
        byte[] xml = SoapHeaderCodec.envelope(header, new QName("urn:p", header.service().serviceCode() + "Response", "p"));
        assertThat(SoapHeaderCodec.readHeader(xml, LIMITS)).isEqualTo(header);
    }

    @Property(tries = 300)
    void identifierXmlRoundTrips(@ForAll("ids") XRoadId id) {
        String xml = IdentifierXml.toXml(new QName(SoapNamespaces.XROAD, "client", "xrd"), id);
        assertThat(IdentifierXml.fromXml(xml)).isEqualTo(id);
    }

    @Property(tries = 100)
    void faultRoundTrips(@ForAll("codes") String text, @ForAll("errorCodes") ErrorCode code) {
        ZholException e = ZholException.client(code, text);
        SoapFault fault = SoapFaultCodec.read(SoapFaultCodec.write(e, "id-" + text.length()), LIMITS);
        assertThat(fault.faultCode()).contains(e.faultCode());
        assertThat(fault.string()).isEqualTo(text);
        assertThat(fault.detail()).contains("id-" + text.length());
    }

    @Property(tries = 50)
    void requestHashVerifiesOnlyTheSameBytes(@ForAll byte[] request, @ForAll byte[] other) {
        RequestHash hash = RequestDigest.of(HashAlgorithm.SHA512, request);
        SoapHeader response = SoapHeader.request(new MemberId("EE", "GOV", "1"),
                new SubsystemId(new MemberId("EE", "GOV", "2"), "s").service("x"), "id").withRequestHash(hash);
        SoapConsistency.checkRequestHash(response, RequestDigest.of(HashAlgorithm.SHA512, request));
        if (!java.util.Arrays.equals(request, other)) {
            onlyCode(ErrorCode.INCONSISTENT_RESPONSE,
                    () -> SoapConsistency.checkRequestHash(response, RequestDigest.of(HashAlgorithm.SHA512, other)));
        }
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<ErrorCode> errorCodes() {
        return Arbitraries.of(ErrorCode.class);
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z').withCharRange('0', '9')
                .withChars("'()+,-.=?").ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<XRoadId> ids() {
        Arbitrary<MemberId> members = Combinators.combine(codes(), codes(), codes()).as(MemberId::new);
        Arbitrary<SubsystemId> subsystems = Combinators.combine(members, codes()).as(SubsystemId::new);
        return Arbitraries.oneOf(members, subsystems, services(),
                Combinators.combine(members, codes()).as(SecurityServerId::new),
                Combinators.combine(codes(), codes()).as(org.zhol.protocol.id.GlobalGroupId::new));
    }

    Arbitrary<ServiceId> services() {
        Arbitrary<SubsystemId> subsystems = Combinators.combine(codes(), codes(), codes(), codes())
                .as((a, b, c, d) -> new SubsystemId(new MemberId(a, b, c), d));
        return Combinators.combine(subsystems, codes(), codes().optional()).as(ServiceId::new);
    }

    @Provide
    Arbitrary<SoapHeader> headers() {
        Arbitrary<String> free = Arbitraries.strings().ofMinLength(1).ofMaxLength(40)
                .filter(s -> s.chars().allMatch(c -> c >= 0x20 && c < 0xd800 && c != 0x7f) && s.strip().equals(s));
        Arbitrary<org.zhol.protocol.id.ClientId> clients = ids().filter(i -> i instanceof org.zhol.protocol.id.ClientId)
                .map(i -> (org.zhol.protocol.id.ClientId) i);
        Arbitrary<Optional<RequestHash>> hashes = Arbitraries.bytes().array(byte[].class).ofMaxSize(64)
                .map(b -> RequestDigest.of(HashAlgorithm.SHA512, b)).optional();
        Arbitrary<Optional<RepresentedParty>> parties = Combinators.combine(codes().optional(), codes())
                .as(RepresentedParty::new).optional();
        // Service codes that are XML names, since the body element is named after the service code.
        Arbitrary<ServiceId> named = Combinators.combine(services(), Arbitraries.strings().withCharRange('a', 'z')
                .ofMinLength(1).ofMaxLength(10)).as((s, code) -> new ServiceId(s.provider(), code, s.serviceVersion()));
        return Combinators.combine(clients, named, free, free.optional(), free.optional(), hashes, parties,
                Arbitraries.of("4.0", "4.1"))
                .as((c, s, id, user, issue, hash, party, version) -> new SoapHeader(c, s, id, user, issue, version,
                        hash, Optional.empty(), party));
    }

    private static void drain(MimePartSplitter splitter) throws Exception {
        Optional<MimePart> part;
        while ((part = splitter.next()).isPresent()) {
            InputStream body = part.get().body();
            body.readAllBytes();
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static void onlyZhol(Action action) {
        try {
            action.run();
        } catch (ZholException expected) {
            assertThat(expected.detail()).isNotBlank();
        } catch (Exception | Error other) {
            throw new AssertionError("not a ZholException: " + other, other);
        }
    }

    private static void onlyCode(ErrorCode code, Action action) {
        try {
            action.run();
            throw new AssertionError("no fault");
        } catch (ZholException e) {
            assertThat(e.code()).isEqualTo(code);
        } catch (Exception other) {
            throw new AssertionError(other);
        }
    }
}
