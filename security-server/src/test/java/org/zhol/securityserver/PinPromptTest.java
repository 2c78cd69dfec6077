// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.securityserver.config.SecurityServerConfig.PinSection;
import org.zhol.securityserver.signer.PinSource;

/** Where the PIN comes from, in order; the console prompt needs a terminal and is not run here. */
class PinPromptTest {

    @TempDir
    Path dir;

    @Test
    void optionThenConfiguredFileThenEnvironment() throws Exception {
        Path option = Files.writeString(dir.resolve("option"), "1111");
        Path configured = Files.writeString(dir.resolve("configured"), "2222\n");
        Map<String, String> env = Map.of("ZHOL_PIN", "3333", "OTHER", "4444");
        assertThat(pin(PinPrompt.resolve(option, new PinSection(null, configured), env, null, false))).isEqualTo("1111");
        assertThat(pin(PinPrompt.resolve(null, new PinSection(null, configured), env, null, false))).isEqualTo("2222");
        assertThat(pin(PinPrompt.resolve(null, PinSection.DEFAULTS, env, null, false))).isEqualTo("3333");
        assertThat(pin(PinPrompt.resolve(null, new PinSection("OTHER", null), env, null, false))).isEqualTo("4444");
        PinSource missing = PinPrompt.resolve(null, PinSection.DEFAULTS, Map.of(), null, false);
        assertThat(missing.toString()).doesNotContain("3333");
        assertThatThrownBy(missing::pin).isInstanceOfSatisfying(ZholException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.LOGIN_FAILED);
            assertThat(e.detail()).contains("ZHOL_PIN");
        });
    }

    private static String pin(PinSource source) {
        return new String(source.pin());
    }
}
