// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ClientId;

/** The records' field rules, the signature rule per type, the signer builder and a live round trip. */
class ManagementRequestsTest {

    private static final String ID = "3f1c2a9e-8d4b-4f6a-9c2e-1b7d5e3a0f42";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static String codeOf(Runnable action) {
        ZholException e = catchThrowableOfType(ZholException.class, action::run);
        return e == null ? "none" : e.faultCode().toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "ss1.example.org", "ss1.example.org:5500", "10.0.0.7:1", "[2001:db8::1]:443",
            "x-1.y-2"})
    void goodAddresses(String address) {
        assertThat(new AddressChange(ID, NOW, ManagementFixture.SERVER, address).address()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "a..b", "a.", "a:0", "a:65536", "a:080", "host/path", "a b", "a:",
            "http://a", "é.example"})
    void badAddresses(String address) {
        assertThat(codeOf(() -> new AddressChange(ID, NOW, ManagementFixture.SERVER, address)))
                .isEqualTo("InvalidRequest");
        assertThat(codeOf(() -> new AddressChange(ID, NOW, ManagementFixture.SERVER, "a".repeat(256))))
                .isEqualTo("InvalidRequest");
    }

    @Test
    void fieldRules() {
        assertThat(codeOf(() -> new MaintenanceMode(ID.toUpperCase(), NOW, ManagementFixture.SERVER, true)))
                .isEqualTo("InvalidRequest");
        assertThat(codeOf(() -> new MaintenanceMode(ID, Instant.parse("1999-12-31T23:59:59Z"),
                ManagementFixture.SERVER, true))).isEqualTo("InvalidRequest");
        assertThat(new MaintenanceMode(ID, NOW.plusMillis(999), ManagementFixture.SERVER, true).createdAt())
                .isEqualTo(NOW);
        assertThat(codeOf(() -> new ClientRegistration(ID, NOW, ManagementFixture.SERVER,
                ClientId.parse("EE/GOV/1/X")))).isEqualTo("InvalidClientIdentifier");
        assertThat(codeOf(() -> new AuthCertRegistration(ID, NOW, ManagementFixture.SERVER, "a",
                "not a certificate".getBytes(StandardCharsets.UTF_8)))).isEqualTo("IncorrectCertificate");
        byte[] der = ManagementFixture.create(NOW.minus(1, ChronoUnit.DAYS)).auth.der();
        assertThat(codeOf(() -> new AuthCertRegistration(ID, NOW, ManagementFixture.SERVER, "a",
                Arrays.copyOf(der, der.length + 1)))).isEqualTo("IncorrectCertificate");
    }

    @Test
    void requiredSignaturesPerType() {
        byte[] der = ManagementFixture.create(NOW.minus(1, ChronoUnit.DAYS)).auth.der();
        assertThat(new AuthCertRegistration(ID, NOW, ManagementFixture.SERVER, "a", der).requiredSignatures())
                .isEqualTo(Set.of(SignatureRole.OWNER, SignatureRole.AUTH_KEY_POSSESSION));
        assertThat(new ClientRegistration(ID, NOW, ManagementFixture.SERVER,
                ManagementFixture.OWNER.subsystem("A")).requiredSignatures()).isEqualTo(Set.of(SignatureRole.OWNER));
        assertThat(new ClientRegistration(ID, NOW, ManagementFixture.SERVER, ManagementFixture.OTHER_MEMBER)
                .requiredSignatures()).isEqualTo(Set.of(SignatureRole.OWNER, SignatureRole.CLIENT));
        assertThat(new ClientDeletion(ID, NOW, ManagementFixture.SERVER, ManagementFixture.OTHER_MEMBER)
                .requiredSignatures()).isEqualTo(Set.of(SignatureRole.OWNER));
    }

    @Test
    void malformedIdentifiersHaveTheirOwnCodes() {
        String request = "{\"client\":\"DEV/COM\",\"createdAt\":\"2026-03-01T12:00:00Z\",\"formatVersion\":1,"
                + "\"requestId\":\"" + ID + "\",\"server\":\"DEV/GOV/1234/SS1\",\"type\":\"clientReg\"}";
        assertThat(codeOf(() -> ManagementRequestCodec.decode(request.getBytes(StandardCharsets.UTF_8),
                ManagementLimits.DEFAULT))).isEqualTo("InvalidClientIdentifier");
        String server = request.replace("DEV/COM\"", "DEV/COM/5\"").replace("DEV/GOV/1234/SS1", "DEV/GOV");
        assertThat(codeOf(() -> ManagementRequestCodec.decode(server.getBytes(StandardCharsets.UTF_8),
                ManagementLimits.DEFAULT))).isEqualTo("InvalidSecurityServer");
    }

    @Test
    void theSignerNeedsCredentialsForEveryRequiredRole() {
        ManagementFixture f = ManagementFixture.create(NOW.minus(1, ChronoUnit.DAYS));
        ManagementRequestSigner ownerOnly = ManagementRequestSigner.builder()
                .owner(f.owner.credentials(), f.owner.goodOcsp(NOW)).build();
        assertThat(codeOf(() -> ownerOnly.sign(AuthCertRegistration.create(ManagementFixture.SERVER, "a",
                f.auth.der(), NOW), NOW))).isEqualTo("CannotCreateSignature");
        ManagementRequestSigner wrongAuth = ManagementRequestSigner.builder()
                .owner(f.owner.credentials(), List.of()).authKey(f.otherMember.credentials(), List.of()).build();
        assertThat(codeOf(() -> wrongAuth.sign(AuthCertRegistration.create(ManagementFixture.SERVER, "a",
                f.auth.der(), NOW), NOW))).isEqualTo("CannotCreateSignature");
    }

    @Test
    void aLiveRequestSignedNowVerifiesNow() {
        Instant now = Instant.now();
        ManagementFixture f = ManagementFixture.create(now.minus(1, ChronoUnit.DAYS));
        SignedManagementRequest signed = f.signer(now).sign(ClientRegistration.create(ManagementFixture.SERVER,
                ManagementFixture.OTHER_MEMBER.subsystem("SHOP"), now), now);
        VerifiedManagementRequest verified = f.verifier().verify(ManagementEnvelopeCodec.encode(signed),
                ManagementFixture.INSTANCE, now);
        assertThat(verified.signers()).extracting(VerifiedSigner::role)
                .containsExactly(SignatureRole.OWNER, SignatureRole.CLIENT);
        assertThat(verified.signer(SignatureRole.CLIENT).orElseThrow().member())
                .contains(ManagementFixture.OTHER_MEMBER);
    }
}
