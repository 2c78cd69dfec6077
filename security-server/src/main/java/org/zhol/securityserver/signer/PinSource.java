// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Where a token's PIN comes from: an environment variable, a file, or characters entered at start.
 * Never from configuration text. No implementation shows the PIN in {@code toString}.
 *
 * <p><b>Pitfalls:</b> {@link #pin()} returns a fresh array each call; the caller zeroes it
 * ({@code Arrays.fill(pin, '\0')}) as soon as the login is done. A trailing line break in a PIN file
 * is dropped, as editors add one.
 */
public sealed interface PinSource permits PinSource.Environment, PinSource.File, PinSource.Given {

    /**
     * A fresh copy of the PIN.
     *
     * @throws ZholException {@link ErrorCode#LOGIN_FAILED} when the PIN cannot be read or is empty
     */
    char[] pin();

    /**
     * The PIN in environment variable {@code variable} of {@code environment}. The composition root
     * passes {@code System.getenv()}; nothing else reads the process environment.
     */
    static PinSource fromEnvironment(String variable, Map<String, String> environment) {
        return new Environment(variable, Map.copyOf(environment));
    }

    /** The PIN in the UTF-8 file {@code path} (read at each {@link #pin()}). */
    static PinSource fromFile(Path path) {
        return new File(path);
    }

    /** A PIN entered at start; the array is copied, and the caller may zero its own. */
    static PinSource of(char[] pin) {
        return new Given(pin.clone());
    }

    /** A PIN read from an environment variable. */
    final class Environment implements PinSource {
        private final String variable;
        private final Map<String, String> environment;

        private Environment(String variable, Map<String, String> environment) {
            this.variable = Objects.requireNonNull(variable, "variable");
            this.environment = environment;
        }

        @Override
        public char[] pin() {
            String value = environment.get(variable);
            if (value == null || value.isEmpty()) {
                throw ZholException.client(ErrorCode.LOGIN_FAILED,
                        "The PIN environment variable " + variable + " is not set");
            }
            return value.toCharArray();
        }

        @Override
        public String toString() {
            return "PinSource[env " + variable + "]";
        }
    }

    /** A PIN read from a file. */
    final class File implements PinSource {
        private final Path path;

        private File(Path path) {
            this.path = Objects.requireNonNull(path, "path");
        }

        @Override
        public char[] pin() {
            byte[] bytes = null;
            CharBuffer chars = null;
            try {
                bytes = Files.readAllBytes(path);
                chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
                int end = chars.limit();
                while (end > 0 && (chars.get(end - 1) == '\n' || chars.get(end - 1) == '\r')) {
                    end--;
                }
                if (end == 0) {
                    throw ZholException.client(ErrorCode.LOGIN_FAILED, "The PIN file " + path + " is empty");
                }
                char[] pin = new char[end];
                chars.get(0, pin);
                return pin;
            } catch (CharacterCodingException e) {
                throw ZholException.client(ErrorCode.LOGIN_FAILED, "The PIN file " + path + " is not UTF-8");
            } catch (IOException e) {
                throw ZholException.internal(ErrorCode.LOGIN_FAILED, "Cannot read the PIN file " + path, e);
            } finally {
                if (bytes != null) {
                    Arrays.fill(bytes, (byte) 0);
                }
                if (chars != null && chars.hasArray()) {
                    Arrays.fill(chars.array(), '\0');
                }
            }
        }

        @Override
        public String toString() {
            return "PinSource[file " + path + "]";
        }
    }

    /** A PIN entered at start. */
    final class Given implements PinSource {
        private final char[] pin;

        private Given(char[] pin) {
            this.pin = pin;
        }

        @Override
        public char[] pin() {
            if (pin.length == 0) {
                throw ZholException.client(ErrorCode.LOGIN_FAILED, "The PIN is empty");
            }
            return pin.clone();
        }

        @Override
        public String toString() {
            return "PinSource[given ****]";
        }
    }
}
