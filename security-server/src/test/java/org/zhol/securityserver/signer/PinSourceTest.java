// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhol.securityserver.signer.TokenContractTest.assertCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ErrorCode;

class PinSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsThePinFromAnEnvironmentVariableAndNeverShowsIt() {
        PinSource source = PinSource.fromEnvironment("ZHOL_PIN", Map.of("ZHOL_PIN", "1234"));
        assertThat(source.pin()).containsExactly('1', '2', '3', '4');
        assertThat(source.toString()).contains("ZHOL_PIN").doesNotContain("1234");
        assertCode(() -> PinSource.fromEnvironment("ZHOL_PIN", Map.of()).pin(), ErrorCode.LOGIN_FAILED);
    }

    @Test
    void readsThePinFromAFileWithoutTheTrailingLineBreak() throws Exception {
        Path file = Files.writeString(dir.resolve("pin"), "12 34\r\n");
        PinSource source = PinSource.fromFile(file);
        assertThat(source.pin()).containsExactly('1', '2', ' ', '3', '4');
        assertThat(source.toString()).doesNotContain("12 34");
        assertCode(() -> PinSource.fromFile(Files.writeString(dir.resolve("empty"), "\n")).pin(),
                ErrorCode.LOGIN_FAILED);
        assertCode(() -> PinSource.fromFile(dir.resolve("missing")).pin(), ErrorCode.LOGIN_FAILED);
    }

    @Test
    void aGivenPinIsCopiedInAndOut() {
        char[] typed = "1234".toCharArray();
        PinSource source = PinSource.of(typed);
        java.util.Arrays.fill(typed, '\0');
        char[] first = source.pin();
        java.util.Arrays.fill(first, '\0');
        assertThat(source.pin()).containsExactly('1', '2', '3', '4');
        assertThat(source.toString()).doesNotContain("1234");
    }
}
