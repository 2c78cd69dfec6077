// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import java.io.Console;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.securityserver.config.SecurityServerConfig.PinSection;
import org.zhol.securityserver.signer.PinSource;

/**
 * How {@code init} and {@code start} find the token PIN, first match wins: the {@code --pin-file}
 * option; the configured {@code pin.file}; the configured environment variable (default
 * {@code ZHOL_PIN}) when it is set; a prompt at the console, without echo, when there is one. Without
 * any, the environment source is returned, and opening the token fails with {@code LoginFailed} naming
 * the variable. The PIN is never printed or logged.
 */
final class PinPrompt {

    private PinPrompt() {
    }

    /**
     * The PIN source.
     *
     * @param pinFile     the {@code --pin-file} option, or null
     * @param section     the configured PIN section
     * @param environment the process environment
     * @param console     the console, or null when there is none
     * @param confirm     whether a prompt asks twice (when the PIN is being set)
     */
    static PinSource resolve(Path pinFile, PinSection section, Map<String, String> environment, Console console,
            boolean confirm) {
        if (pinFile != null) {
            return PinSource.fromFile(pinFile);
        }
        if (section.file() != null) {
            return PinSource.fromFile(section.file());
        }
        String value = environment.get(section.env());
        if ((value == null || value.isEmpty()) && console != null) {
            return prompt(console, confirm);
        }
        return PinSource.fromEnvironment(section.env(), environment);
    }

    private static PinSource prompt(Console console, boolean confirm) {
        char[] pin = console.readPassword("Token PIN: ");
        char[] again = confirm ? console.readPassword("Token PIN again: ") : null;
        try {
            if (pin == null || pin.length == 0) {
                throw ZholException.client(ErrorCode.LOGIN_FAILED, "No PIN was entered");
            }
            if (again != null && !Arrays.equals(pin, again)) {
                throw ZholException.client(ErrorCode.LOGIN_FAILED, "The two PINs differ");
            }
            return PinSource.of(pin);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
            if (again != null) {
                Arrays.fill(again, '\0');
            }
        }
    }
}
