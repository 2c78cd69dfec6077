// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhol.securityserver.signer.TokenContractTest.assertCode;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ErrorCode;

class TokenConfigTest {

    private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    @Test
    void theSunPkcs11ConfigurationSelectsTheSlotAndKeepsKeysOnTheToken() {
        String byIndex = new TokenConfig.Pkcs11("hsm", LIBRARY, OptionalLong.empty(), 2, Path.of("state"),
                KeyAlgorithm.EC_P256).providerConfiguration();
        String bySlot = new TokenConfig.Pkcs11("hsm", LIBRARY, OptionalLong.of(7), 0, Path.of("state"),
                KeyAlgorithm.EC_P256).providerConfiguration();

        assertThat(byIndex).startsWith("--name = zhol-hsm\n").contains("library = \"" + LIBRARY + "\"",
                "slotListIndex = 2", "CKA_EXTRACTABLE = false", "CKA_SENSITIVE = true").doesNotContain("slot = ");
        assertThat(bySlot).contains("slot = 7").doesNotContain("slotListIndex");
    }

    @Test
    void rejectsIdsThatCannotNameAProvider() {
        assertThat(TokenConfig.Software.in(Path.of("x")).id()).isEqualTo("software");
        assertCode(() -> new TokenConfig.Software("a b", Path.of("x"), KeyAlgorithm.EC_P256),
                ErrorCode.MALFORMED_SERVER_CONF);
        assertCode(() -> new TokenConfig.Pkcs11("x\nlibrary=/evil.so", LIBRARY, OptionalLong.empty(), 0,
                Path.of("x"), KeyAlgorithm.EC_P256), ErrorCode.MALFORMED_SERVER_CONF);
        assertCode(() -> new TokenConfig.Pkcs11("hsm", LIBRARY, OptionalLong.empty(), -1, Path.of("x"),
                KeyAlgorithm.EC_P256), ErrorCode.MALFORMED_SERVER_CONF);
    }
}
