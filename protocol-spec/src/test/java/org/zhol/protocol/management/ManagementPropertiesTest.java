// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.testpki.TestPki;

/** The codecs never fail with anything but {@link ZholException}, and encoding round-trips. */
class ManagementPropertiesTest {

    /** An authentication certificate, made once (a string, so nothing static is mutable). */
    private static final String AUTH_CERT = Base64.getEncoder().encodeToString(
            ManagementFixture.authParty(TestPki.rootCa("CN=Property Root"), "CN=SS", true, Instant.now()).der());
    private static final String ENVELOPE = new String(ManagementVectorsTest.read("auth-cert-reg.json"),
            StandardCharsets.UTF_8);

    @Property(tries = 1000)
    void randomBytesOnlyFailWithZholException(@ForAll byte[] bytes) {
        decodeBoth(bytes);
    }

    @Property(tries = 1000)
    void jsonLikeTextOnlyFailsWithZholException(@ForAll("jsonLike") String text) {
        decodeBoth(text.getBytes(StandardCharsets.UTF_8));
    }

    @Property(tries = 150)
    void aMutatedSignedEnvelopeOnlyFailsWithZholException(@ForAll @IntRange(min = 0) int where,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        byte[] envelope = ENVELOPE.getBytes(StandardCharsets.UTF_8);
        envelope[where % envelope.length] ^= (byte) xor;
        try {
            ManagementFixture.verifier(root()).verify(envelope, ManagementFixture.INSTANCE,
                    Instant.parse("2026-01-01T00:01:00Z"));
        } catch (ZholException expected) {
            // the only acceptable failure
        }
    }

    @Property(tries = 500)
    void encodeThenDecodeIsTheIdentity(@ForAll("requests") ManagementRequest request) {
        byte[] bytes = ManagementRequestCodec.encode(request);
        ManagementRequest decoded = ManagementRequestCodec.decode(bytes, ManagementLimits.DEFAULT);
        assertThat(decoded).isEqualTo(request);
        assertThat(ManagementRequestCodec.encode(decoded)).isEqualTo(bytes);
    }

    @Property(tries = 200)
    void anEnvelopeRoundTrips(@ForAll("requests") ManagementRequest request,
            @ForAll("signatures") List<ManagementSignature> signatures) {
        SignedManagementRequest signed = new SignedManagementRequest(ManagementRequestCodec.encode(request),
                signatures);
        assertThat(ManagementEnvelopeCodec.decode(ManagementEnvelopeCodec.encode(signed), ManagementLimits.DEFAULT))
                .isEqualTo(signed);
    }

    private static void decodeBoth(byte[] bytes) {
        try {
            ManagementEnvelopeCodec.decode(bytes, ManagementLimits.DEFAULT);
        } catch (ZholException expected) {
            // the only acceptable failure
        }
        try {
            ManagementRequestCodec.decode(bytes, ManagementLimits.DEFAULT);
        } catch (ZholException expected) {
            // the only acceptable failure
        }
    }

    private static java.security.cert.X509Certificate root() {
        try {
            return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(ManagementVectorsTest.read("root.pem")));
        } catch (java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<String> jsonLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("{}[]\":,truefalsnl0123456789.-eE \\/ubABC=").ofMaxLength(80),
                Arbitraries.of("request", "signatures", "role", "cms", "OWNER", "type", "server", "AAAA", "1e999")
                        .list().ofMaxSize(12).map(parts -> "{\"" + String.join("\":\"", parts) + "\"}"));
    }

    @Provide
    Arbitrary<ManagementRequest> requests() {
        Arbitrary<String> ids = Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()).toString());
        Arbitrary<Instant> times = Arbitraries.longs().between(RequestFields.EARLIEST.getEpochSecond(),
                RequestFields.LATEST.getEpochSecond()).map(Instant::ofEpochSecond);
        Arbitrary<MemberId> members = Combinators.combine(codes(), codes()).as((c, m) -> new MemberId("DEV", c, m));
        Arbitrary<SecurityServerId> servers = Combinators.combine(members, codes()).as(SecurityServerId::new);
        Arbitrary<ClientId> clients = Combinators.combine(members, codes(), Arbitraries.of(true, false))
                .as((m, s, subsystem) -> subsystem ? m.subsystem(s) : m);
        return Arbitraries.oneOf(
                Combinators.combine(ids, times, servers, addresses()).as((i, t, s, a) ->
                        new AuthCertRegistration(i, t, s, a, Base64.getDecoder().decode(AUTH_CERT))),
                Combinators.combine(ids, times, servers, clients).as(ClientRegistration::new),
                Combinators.combine(ids, times, servers, clients).as(ClientDeletion::new),
                Combinators.combine(ids, times, servers, addresses()).as(AddressChange::new),
                Combinators.combine(ids, times, servers, Arbitraries.of(true, false)).as(MaintenanceMode::new));
    }

    @Provide
    Arbitrary<List<ManagementSignature>> signatures() {
        return Combinators.combine(Arbitraries.of(SignatureRole.class), Arbitraries.bytes().array(byte[].class)
                .ofMaxSize(300)).as(ManagementSignature::new).list().ofMaxSize(3);
    }

    private static Arbitrary<String> codes() {
        return Arbitraries.strings().withChars("ABCxyz019'()+,-.=?").ofMinLength(1).ofMaxLength(12);
    }

    private static Arbitrary<String> addresses() {
        Arbitrary<String> label = Arbitraries.strings().withChars("abcXYZ09").ofMinLength(1).ofMaxLength(10);
        Arbitrary<String> host = label.list().ofMinSize(1).ofMaxSize(4).map(l -> String.join(".", l));
        Arbitrary<String> port = Arbitraries.integers().between(1, 65_535).map(p -> ":" + p).injectNull(0.5);
        return Combinators.combine(host, port).as((h, p) -> p == null ? h : h + p);
    }
}
