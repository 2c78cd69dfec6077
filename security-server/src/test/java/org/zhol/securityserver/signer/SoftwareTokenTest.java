// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.error.ErrorCode;

/** The token contract on the software token, and what it leaves on disk. */
class SoftwareTokenTest extends TokenContractTest {

    private static final String PIN = "s3cret-PIN";

    @Override
    Token newToken(Path directory, KeyAlgorithm algorithm) {
        return new SoftwareToken(new TokenConfig.Software("software", directory, algorithm),
                new DefaultCertificateProfile());
    }

    @Override
    PinSource pin() {
        return PinSource.of(PIN.toCharArray());
    }

    @Override
    PinSource wrongPin() {
        return PinSource.of("wrong".toCharArray());
    }

    @Test
    void keepsOnePinProtectedPkcs12FilePerKeyAndAnIndexWithoutSecrets() throws Exception {
        Token token = openToken();
        KeyInfo sign = token.generateKey(KeyRole.SIGN, Optional.of(MEMBER), "tax board");

        assertThat(state.resolve("keys").resolve(sign.keyId() + ".p12")).isRegularFile();
        assertThat(state.resolve("token.p12")).isRegularFile();
        String index = Files.readString(state.resolve("keys.json"));
        assertThat(index).contains(sign.keyId(), "SIGN", "DEV/GOV/1001", "tax board").doesNotContain(PIN);
        try (var files = Files.walk(state)) {
            assertThat(files.filter(Files::isRegularFile).map(Path::toString)).noneMatch(f -> f.endsWith(".tmp"));
        }
        byte[] keyFile = Files.readAllBytes(state.resolve("keys").resolve(sign.keyId() + ".p12"));
        assertThat(new String(keyFile, StandardCharsets.ISO_8859_1)).doesNotContain(PIN);
    }

    @Test
    void aTokenThatWasNeverOpenedIsLocked() {
        Token token = newToken(state, KeyAlgorithm.EC_P256);
        assertCode(token::keys, ErrorCode.TOKEN_NOT_ACTIVE);
        assertThat(state).isEmptyDirectory();
        assertThat(token.toString()).contains("locked").doesNotContain(PIN);
    }

    @Test
    void theFirstPinSetsTheTokenPinEvenBeforeAnyKey() {
        openToken().close();
        Token token = newToken(state, KeyAlgorithm.EC_P256);
        assertCode(() -> token.open(wrongPin()), ErrorCode.PIN_INCORRECT);
        token.open(pin());
        assertThat(token.keys()).isEmpty();
    }
}
