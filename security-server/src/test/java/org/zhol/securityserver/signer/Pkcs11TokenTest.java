// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.error.ErrorCode;

/**
 * The token contract on a SoftHSM2 token through SunPKCS11.
 *
 * <p>SoftHSM2 reads {@code SOFTHSM2_CONF} when the module loads, so Maven sets the variable for the
 * test JVM (security-server/pom.xml); this class writes that file, with a fresh token directory, and
 * initialises a token before the module is loaded. A missing SoftHSM2 fails the test: it is never
 * skipped ({@code .ci/run} installs it).
 */
class Pkcs11TokenTest extends TokenContractTest {

    static final List<Path> LIBRARIES = List.of(Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));
    private static final String PIN = "1234";

    private static Path library;

    @BeforeAll
    static void initialiseSoftHsmToken() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null) {
            fail("SOFTHSM2_CONF is not set: run this test through Maven (./zhol test), whose surefire "
                    + "configuration in security-server/pom.xml sets it");
        }
        library = LIBRARIES.stream().filter(Files::isRegularFile).findFirst().orElseGet(() -> fail(
                "SoftHSM2 is not installed (no libsofthsm2.so in " + LIBRARIES + "): apt-get install softhsm2"));
        Path tokens = Path.of(conf).getParent().resolve("tokens-" + UUID.randomUUID());
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n"
                + "log.level = ERROR\nslots.removable = false\n");
        run(conf, "softhsm2-util", "--init-token", "--free", "--label", "zhol", "--pin", PIN, "--so-pin", "5678");
    }

    private static void run(String conf, String... command) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                fail(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            fail("Cannot run " + command[0] + " (apt-get install softhsm2): " + e.getMessage());
        }
    }

    @Override
    Token newToken(Path directory, KeyAlgorithm algorithm) {
        return new Pkcs11Token(new TokenConfig.Pkcs11("softhsm", library, OptionalLong.empty(), 0, directory,
                algorithm), new DefaultCertificateProfile());
    }

    @Override
    PinSource pin() {
        return PinSource.of(PIN.toCharArray());
    }

    @Override
    PinSource wrongPin() {
        return PinSource.of("9999".toCharArray());
    }

    @Test
    void keysLiveOnTheTokenAndOnlyTheirRolesInTheIndex() throws Exception {
        Token token = openToken();
        KeyInfo sign = token.generateKey(KeyRole.SIGN, Optional.of(MEMBER), "tax board");
        assertThat(Files.readString(state.resolve("keys.json")))
                .contains(sign.keyId(), "SIGN", "DEV/GOV/1001").doesNotContain(PIN);
        try (var files = Files.list(state)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("keys.json");
        }
    }

    @Test
    void aMissingLibraryIsTokenNotFound() {
        Token token = new Pkcs11Token(new TokenConfig.Pkcs11("missing", state.resolve("nope.so"),
                OptionalLong.empty(), 0, state, KeyAlgorithm.EC_P256), new DefaultCertificateProfile());
        assertCode(() -> token.open(pin()), ErrorCode.TOKEN_NOT_FOUND);
        assertCode(token::keys, ErrorCode.TOKEN_NOT_ACTIVE);
    }
}
