// SPDX-License-Identifier: MIT
package org.zhol.centralserver.trust.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.server.testing.MutableClock;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ConfigurationSigningKey;

class ConfigurationSigningKeysTest {

    private static final Duration NOTICE = Duration.ofHours(1);
    private static final Duration GRACE = Duration.ofHours(2);

    @TempDir
    Path data;
    private final MutableClock clock = MutableClock.atNow();

    private SigningKeysConfig config() {
        return new SigningKeysConfig(data.resolve("keys"), NOTICE, GRACE, Duration.ofDays(3650));
    }

    private ConfigurationSigningKeys keys(String password) {
        return new ConfigurationSigningKeys(config(), "DEV", KeyStorePassword.of(password), clock);
    }

    @Test
    void theConstructorTouchesNoFile() {
        ConfigurationSigningKeys keys = keys("secret");

        assertThat(data.resolve("keys")).doesNotExist();
        assertThat(keys.isInitialised()).isFalse();
        assertThatThrownBy(keys::signingKey).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void initialiseMakesOneActiveSelfSignedEcKeyInAPasswordProtectedPkcs12File() throws Exception {
        ConfigurationSigningKeys keys = keys("secret");
        SigningKeyEntry first = keys.initialise();

        assertThat(first.number()).isEqualTo(1);
        assertThat(first.state()).isEqualTo(SigningKeyState.ACTIVE);
        ConfigurationSigningKey key = keys.signingKey();
        assertThat(key.certificate()).isEqualTo(first.certificate());
        assertThat(key.signatureAlgorithm()).isEqualTo("SHA256withECDSA");
        X509Certificate cert = key.certificate();
        assertThat(cert.getSubjectX500Principal()).isEqualTo(cert.getIssuerX500Principal());
        cert.verify(cert.getPublicKey());
        cert.checkValidity(java.util.Date.from(clock.instant()));
        assertThat(keys.publishedSigners()).containsExactly(cert);

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(data.resolve("keys/config-signing-1.p12"))) {
            store.load(in, "secret".toCharArray());
        }
        assertThat(store.getCertificate("config-signing")).isEqualTo(cert);
        assertThat(Files.readString(data.resolve("keys/config-signing.json"))).contains("\"ACTIVE\"")
                .doesNotContain("PRIVATE");
    }

    @Test
    void theKeysSurviveARestart() {
        ConfigurationSigningKeys first = keys("secret");
        first.initialise();
        first.generateFuture();

        ConfigurationSigningKeys again = keys("secret");
        again.start();

        assertThat(again.signingKey().certificate()).isEqualTo(first.signingKey().certificate());
        assertThat(again.signingKey().privateKey()).isEqualTo(first.signingKey().privateKey());
        assertThat(again.publishedSigners()).isEqualTo(first.publishedSigners()).hasSize(2);
        assertThat(again.keys()).isEqualTo(first.keys());
    }

    @Test
    void startRefusesAMissingSetupAndAWrongPassword() {
        assertCode(() -> keys("secret").start(), "KeyNotFound");
        keys("secret").initialise();

        assertCode(() -> keys("wrong").start(), "LoginFailed");
        assertCode(() -> keys("secret").initialise(), "InvalidRequest");
    }

    @Test
    void rotationPublishesTheNextKeyBeforeItSignsAndTheOldOneForAGracePeriod() {
        ConfigurationSigningKeys keys = keys("secret");
        X509Certificate first = keys.initialise().certificate();
        assertCode(keys::activateFuture, "InvalidRequest");

        X509Certificate next = keys.generateFuture().certificate();
        assertThat(keys.publishedSigners()).containsExactly(first, next);
        assertThat(keys.signingKey().certificate()).isEqualTo(first);
        assertCode(keys::generateFuture, "InvalidRequest");
        clock.advance(NOTICE.minusSeconds(1));
        assertCode(keys::activateFuture, "InvalidRequest");

        clock.advance(Duration.ofSeconds(1));
        assertThat(keys.activateFuture().certificate()).isEqualTo(next);
        assertThat(keys.signingKey().certificate()).isEqualTo(next);
        assertThat(keys.publishedSigners()).containsExactly(next, first);
        assertThat(keys.keys()).extracting(SigningKeyEntry::state)
                .containsExactly(SigningKeyState.RETIRED, SigningKeyState.ACTIVE);

        clock.advance(GRACE);
        assertThat(keys.publishedSigners()).containsExactly(next);
        assertThat(keys.keys()).hasSize(2);
    }

    @Test
    void theGracePeriodCanEndEarly() {
        ConfigurationSigningKeys keys = keys("secret");
        keys.initialise();
        X509Certificate next = keys.generateFuture().certificate();
        clock.advance(NOTICE);
        keys.activateFuture();

        keys.endGracePeriod();

        assertThat(keys.publishedSigners()).containsExactly(next);
        ConfigurationSigningKeys again = keys("secret");
        again.start();
        assertThat(again.publishedSigners()).containsExactly(next);
    }

    @Test
    void aThirdKeyRotatesLikeTheSecond() {
        ConfigurationSigningKeys keys = keys("secret");
        keys.initialise();
        for (int i = 0; i < 2; i++) {
            keys.generateFuture();
            clock.advance(NOTICE);
            keys.activateFuture();
        }

        assertThat(keys.keys()).extracting(SigningKeyEntry::number).containsExactly(1, 2, 3);
        assertThat(keys.keys()).extracting(SigningKeyEntry::state).containsExactly(SigningKeyState.RETIRED,
                SigningKeyState.RETIRED, SigningKeyState.ACTIVE);
        assertThat(keys.publishedSigners()).hasSize(3); // both retired keys are still in their grace period
        assertThat(data.resolve("keys/config-signing-3.p12")).exists();
    }

    @Test
    void thePasswordIsNeverShown() {
        assertThat(KeyStorePassword.of("secret").toString()).doesNotContain("secret");
    }

    private static void assertCode(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.faultCode()).hasToString(code));
    }
}
