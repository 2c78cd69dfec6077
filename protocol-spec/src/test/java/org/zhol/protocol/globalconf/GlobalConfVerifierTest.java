// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhol.protocol.globalconf.GlobalConfFixture.GENERATED_AT;
import static org.zhol.protocol.globalconf.GlobalConfFixture.INSTANCE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;

class GlobalConfVerifierTest {

    private static final Instant NOW = GENERATED_AT.plusSeconds(60);
    private final GlobalConfiguration conf = GlobalConfFixture.configuration(INSTANCE);
    private final ConfigurationSigningKey key = GlobalConfFixture.signingKey("Config signer 1");
    private final GlobalConfFiles files = new GlobalConfWriter(key).write(conf, 7, GENERATED_AT);
    private final GlobalConfVerifier verifier = new GlobalConfVerifier(
            GlobalConfFixture.anchor(INSTANCE, key.certificate()));

    @Test
    void roundTripsTheWholeConfiguration() {
        VerifiedGlobalConf verified = verifier.verifyAndDecode(files, NOW);

        assertThat(verified.configuration()).isEqualTo(conf);
        assertThat(verified.signer()).isEqualTo(key.certificate());
        assertThat(verified.directory().generation()).isEqualTo(7);
        assertThat(verified.directory().expiresAt()).isEqualTo(GENERATED_AT.plus(Duration.ofSeconds(600)));
        MemberDirectory directory = verified.configuration();
        MemberId tax = MemberId.parse("DEV/GOV/70000310");
        assertThat(directory.isRegistered(tax.subsystem("TAXES"))).isTrue();
        assertThat(directory.isRegistered(tax.subsystem("NOPE"))).isFalse();
        assertThat(directory.serversHosting(tax.subsystem("TAXES"))).extracting(SecurityServer::id)
                .containsExactly(new SecurityServerId(tax, "SS1"));
        assertThat(directory.isInGroup(tax, GlobalGroupId.parse("DEV/security-server-owners"))).isTrue();
        assertThat(verifier.verifyDirectory(files.directory(), files.signature(), NOW))
                .isEqualTo(verified.directory());
    }

    @Test
    void everyFlippedByteOfTheDirectoryBreaksTheSignature() {
        byte[] directory = files.directory();
        for (int i = 0; i < directory.length; i++) {
            byte[] mutated = directory.clone();
            mutated[i] ^= 0x01;
            GlobalConfFiles tampered = new GlobalConfFiles(mutated, files.signature(), files.parts());
            assertCode(() -> verifier.verifyAndDecode(tampered, NOW), "InvalidSignatureValue");
        }
    }

    @Test
    void flippedBytesThroughoutAPartBreakItsHash() {
        for (Map.Entry<String, byte[]> part : files.parts().entrySet()) {
            byte[] bytes = part.getValue();
            // every 7th byte and the last: each check costs a signature verification
            List<Integer> offsets = new ArrayList<>();
            for (int i = 0; i < bytes.length; i += 7) {
                offsets.add(i);
            }
            offsets.add(bytes.length - 1);
            for (int i : offsets) {
                byte[] mutated = bytes.clone();
                mutated[i] ^= 0x01;
                GlobalConfFiles tampered = files.withPart(part.getKey(), mutated);
                assertCode(() -> verifier.verifyAndDecode(tampered, NOW), "InvalidReference");
            }
        }
    }

    @Test
    void everyFlippedByteOfTheSignatureIsRefused() {
        byte[] signature = files.signature();
        Set<String> allowed = Set.of("MalformedGlobalConf", "IncorrectCertificate", "InvalidSignatureValue",
                "CertValidation");
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < signature.length; i++) {
            byte[] mutated = signature.clone();
            mutated[i] ^= 0x01;
            try {
                verifier.verifyAndDecode(new GlobalConfFiles(files.directory(), mutated, files.parts()), NOW);
                accepted.add(i + ":" + HexFormat.of().formatHex(signature, Math.max(0, i - 8), i + 8));
            } catch (ZholException e) {
                assertThat(allowed).contains(e.faultCode().toString());
            }
        }
        assertThat(accepted).as("offsets where a flipped byte was accepted").isEmpty();
    }

    @Test
    void refusesASignerThatTheAnchorDoesNotHold() {
        ConfigurationSigningKey other = GlobalConfFixture.signingKey("Other signer");
        GlobalConfVerifier strict = new GlobalConfVerifier(GlobalConfFixture.anchor(INSTANCE, other.certificate()));
        assertCode(() -> strict.verifyAndDecode(files, NOW), "IncorrectCertificate");
    }

    @Test
    void anAnchorWithTwoSignersAcceptsEither() {
        ConfigurationSigningKey next = GlobalConfFixture.signingKey("Config signer 2");
        GlobalConfVerifier rotating = new GlobalConfVerifier(
                GlobalConfFixture.anchor(INSTANCE, key.certificate(), next.certificate()));
        GlobalConfFiles byNext = new GlobalConfWriter(next).write(conf, 8, GENERATED_AT);

        assertThat(rotating.verifyAndDecode(files, NOW).signer()).isEqualTo(key.certificate());
        assertThat(rotating.verifyAndDecode(byNext, NOW).signer()).isEqualTo(next.certificate());
        assertCode(() -> verifier.verifyAndDecode(byNext, NOW), "IncorrectCertificate");
    }

    @Test
    void refusesAnExpiredConfiguration() {
        Instant expiry = GENERATED_AT.plusSeconds(600);
        verifier.verifyAndDecode(files, expiry.minusMillis(1));
        assertCode(() -> verifier.verifyAndDecode(files, expiry), "OutdatedGlobalConf");
    }

    @Test
    void refusesAnotherInstance() {
        GlobalConfVerifier other = new GlobalConfVerifier(GlobalConfFixture.anchor("EE", key.certificate()));
        assertCode(() -> other.verifyAndDecode(files, NOW), "MalformedGlobalConf.InconsistentResponse");
    }

    @Test
    void refusesMissingAndUnlistedParts() {
        Map<String, byte[]> parts = new java.util.HashMap<>(files.parts());
        parts.remove(GlobalConfLayout.TRUST_PARAMS);
        assertCode(() -> verifier.verifyAndDecode(new GlobalConfFiles(files.directory(), files.signature(), parts),
                NOW), "MalformedGlobalConf");
        assertCode(() -> verifier.verifyAndDecode(files.withPart("extra.json", new byte[] {'{', '}'}), NOW),
                "MalformedGlobalConf");
    }

    @Test
    void refusesASignedButMalformedDirectory() {
        GlobalConfWriter writer = new GlobalConfWriter(key);
        byte[] directory = "{\"formatVersion\": 1, \"instance\": \"DEV\"}\n".getBytes();
        GlobalConfFiles malformed = new GlobalConfFiles(directory, writer.sign(directory, GENERATED_AT), Map.of());
        assertCode(() -> verifier.verifyAndDecode(malformed, NOW), "MalformedGlobalConf");
    }

    @Test
    void anchorsAndLatestPointersRoundTrip() {
        ConfigurationAnchor anchor = GlobalConfFixture.anchor(INSTANCE, key.certificate());
        assertThat(ConfigurationAnchorCodec.decode(ConfigurationAnchorCodec.encode(anchor))).isEqualTo(anchor);
        assertThat(GlobalConfLayout.decodeLatest(GlobalConfLayout.encodeLatest(42))).isEqualTo(42);
        assertCode(() -> GlobalConfLayout.decodeLatest("042\n".getBytes()), "MalformedGlobalConf");
        assertThat(GlobalConfLayout.resolve(GlobalConfFixture.SOURCE,
                GlobalConfLayout.filePath(INSTANCE, 7, GlobalConfLayout.SIGNATURE_FILE)))
                .hasToString("http://127.0.0.1:8070/v1/DEV/7/directory.json.p7s");
        assertCode(() -> ConfigurationAnchorCodec.decode("{\"formatVersion\":1,\"formatVersion\":1}".getBytes()),
                "MalformedGlobalConf");
    }

    static void assertCode(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.faultCode()).hasToString(code));
    }
}
