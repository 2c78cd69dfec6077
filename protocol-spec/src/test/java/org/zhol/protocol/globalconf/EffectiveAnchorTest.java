// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhol.protocol.globalconf.GlobalConfFixture.GENERATED_AT;
import static org.zhol.protocol.globalconf.GlobalConfFixture.INSTANCE;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ZholException;

/** Following a signing-key rotation with only the old anchor (docs/global-configuration.md §5). */
class EffectiveAnchorTest {

    private static final Instant NOW = GENERATED_AT.plusSeconds(60);
    private final GlobalConfiguration conf = GlobalConfFixture.configuration(INSTANCE);
    private final ConfigurationSigningKey oldKey = GlobalConfFixture.signingKey("Config signer 1");
    private final ConfigurationSigningKey newKey = GlobalConfFixture.signingKey("Config signer 2");
    private final EffectiveAnchor installed = EffectiveAnchor.installed(
            GlobalConfFixture.anchor(INSTANCE, oldKey.certificate()));

    @Test
    void followsTheWholeRotationWithOnlyTheOldAnchor() {
        EffectiveAnchor trust = installed;
        trust = trust.verifyAndUpdate(generation(oldKey, 1, oldKey), NOW).anchor();
        assertThat(trust.anchor().signingCertificates()).containsExactly(oldKey.certificate());

        trust = trust.verifyAndUpdate(generation(oldKey, 2, oldKey, newKey), NOW).anchor();
        assertThat(trust.anchor().signingCertificates()).containsExactly(oldKey.certificate(), newKey.certificate());
        assertThat(trust.generation()).isEqualTo(2);

        EffectiveAnchor.Update signedByNext = trust.verifyAndUpdate(generation(newKey, 3, newKey, oldKey), NOW);
        assertThat(signedByNext.configuration().signer()).isEqualTo(newKey.certificate());
        assertThat(signedByNext.configuration().configuration()).isEqualTo(conf);

        trust = signedByNext.anchor().verifyAndUpdate(generation(newKey, 4, newKey), NOW).anchor();
        assertThat(trust.anchor().signingCertificates()).containsExactly(newKey.certificate());
        assertThat(trust.anchor().downloadUrls()).isEqualTo(installed.anchor().downloadUrls());

        EffectiveAnchor retired = trust;
        assertCode(() -> retired.verifyAndUpdate(generation(oldKey, 5, oldKey), NOW), "IncorrectCertificate");
    }

    @Test
    void aClientThatMissedTheAnnouncementIsToldItsAnchorIsStale() {
        EffectiveAnchor trust = installed.verifyAndUpdate(generation(oldKey, 1, oldKey), NOW).anchor();

        assertThatThrownBy(() -> trust.verifyAndUpdate(generation(newKey, 3, newKey, oldKey), NOW))
                .isInstanceOfSatisfying(ZholException.class, e -> {
                    assertThat(e.faultCode()).hasToString("IncorrectCertificate");
                    assertThat(e.detail()).contains("anchor is stale");
                });
        GlobalConfFiles next = generation(newKey, 3, newKey, oldKey);
        assertThatThrownBy(() -> trust.verifyDirectory(next.directory(), next.signature(), NOW))
                .isInstanceOfSatisfying(ZholException.class, e -> assertThat(e.detail()).contains("anchor is stale"));
        assertThat(installed.verifyDirectory(generation(oldKey, 2, oldKey).directory(),
                generation(oldKey, 2, oldKey).signature(), NOW).generation()).isEqualTo(2);
    }

    @Test
    void aGenerationWithoutAnAnchorPartKeepsTheTrust() {
        EffectiveAnchor.Update update = installed.verifyAndUpdate(
                new GlobalConfWriter(oldKey).write(conf, 9, GENERATED_AT), NOW);

        assertThat(update.anchor()).isEqualTo(installed);
    }

    @Test
    void anOlderOrEqualGenerationDoesNotChangeTheTrust() {
        EffectiveAnchor trust = installed.verifyAndUpdate(generation(oldKey, 5, oldKey, newKey), NOW).anchor();

        assertThat(trust.verifyAndUpdate(generation(oldKey, 5, oldKey), NOW).anchor()).isEqualTo(trust);
        assertThat(trust.verifyAndUpdate(generation(oldKey, 4, oldKey), NOW).anchor()).isEqualTo(trust);
    }

    @Test
    void anAnchorPartMustListItsOwnSigner() {
        GlobalConfFiles files = generation(oldKey, 2, oldKey, newKey);
        byte[] onlyNext = ConfigurationAnchorCodec.encode(GlobalConfFixture.anchor(INSTANCE, newKey.certificate()));
        GlobalConfFiles resigned = resign(files, onlyNext, oldKey);

        assertCode(() -> installed.verifyAndUpdate(resigned, NOW), "MalformedGlobalConf");
    }

    @Test
    void anAnchorPartOfAnotherInstanceIsRefused() {
        byte[] other = ConfigurationAnchorCodec.encode(GlobalConfFixture.anchor("EE", oldKey.certificate()));
        GlobalConfFiles resigned = resign(generation(oldKey, 2, oldKey), other, oldKey);

        assertCode(() -> installed.verifyAndUpdate(resigned, NOW), "MalformedGlobalConf.InconsistentResponse");
    }

    @Test
    void aTamperedAnchorPartIsDetectedBeforeItIsRead() {
        GlobalConfFiles files = generation(oldKey, 2, oldKey);
        String text = new String(files.parts().get(GlobalConfLayout.ANCHOR_PART), StandardCharsets.UTF_8);
        byte[] widened = text.replace("\"signingCertificates\": [\n", "\"signingCertificates\": [\n    \""
                + Json.base64(newKey.certificate()) + "\",\n").getBytes(StandardCharsets.UTF_8);
        assertThat(widened).isNotEqualTo(files.parts().get(GlobalConfLayout.ANCHOR_PART));

        assertCode(() -> installed.verifyAndUpdate(files.withPart(GlobalConfLayout.ANCHOR_PART, widened), NOW),
                "InvalidReference");
    }

    @Test
    void aVerifierThatKnowsNoAnchorPartStillVerifiesAGenerationWithOne() {
        VerifiedGlobalConf verified = new GlobalConfVerifier(installed.anchor())
                .verifyAndDecode(generation(oldKey, 2, oldKey, newKey), NOW);

        assertThat(verified.directory().part(GlobalConfLayout.ANCHOR_PART)).isPresent();
        assertThat(verified.configuration()).isEqualTo(conf);
    }

    @Test
    void theWriterRefusesAPublishedAnchorWithoutItsCertificate() {
        ConfigurationAnchor withoutSigner = GlobalConfFixture.anchor(INSTANCE, newKey.certificate());

        assertCode(() -> new GlobalConfWriter(oldKey).write(conf, 1, GENERATED_AT, withoutSigner),
                "CannotCreateSignature");
    }

    private GlobalConfFiles generation(ConfigurationSigningKey signer, long generation,
            ConfigurationSigningKey... published) {
        List<X509Certificate> certs = List.of(published).stream().map(ConfigurationSigningKey::certificate).toList();
        return new GlobalConfWriter(signer).write(conf, generation, GENERATED_AT,
                GlobalConfFixture.anchor(INSTANCE, certs.toArray(X509Certificate[]::new)));
    }

    /** {@code files} with another anchor part, the directory re-hashed and re-signed by {@code signer}. */
    private static GlobalConfFiles resign(GlobalConfFiles files, byte[] anchorPart, ConfigurationSigningKey signer) {
        GlobalConfDirectory directory = GlobalConfDirectoryCodec.decode(files.directory());
        List<PartReference> parts = directory.parts().stream().map(p -> p.name().equals(GlobalConfLayout.ANCHOR_PART)
                ? new PartReference(p.name(), p.location(), GlobalConfWriter.sha256Hex(anchorPart)) : p).toList();
        byte[] directoryBytes = GlobalConfDirectoryCodec.encode(new GlobalConfDirectory(directory.instance(),
                directory.generation(), directory.generatedAt(), directory.expiresAt(), parts));
        GlobalConfFiles changed = files.withPart(GlobalConfLayout.ANCHOR_PART, anchorPart);
        return new GlobalConfFiles(directoryBytes, new GlobalConfWriter(signer).sign(directoryBytes,
                directory.generatedAt()), changed.parts());
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.faultCode()).hasToString(code));
    }
}
