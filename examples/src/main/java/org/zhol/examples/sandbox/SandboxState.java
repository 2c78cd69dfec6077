// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * What a running or stopped sandbox left in its work directory ({@value #FILE}): where it listens and
 * the admin tokens, for {@code sandbox evidence} and for a restart with {@code --keep}. A sandbox secret
 * file, readable by its owner only where the file system allows.
 *
 * @param host         the address everything listens on
 * @param ports        the bound ports (never 0)
 * @param centralToken the central server's first admin token
 * @param ss1Token     SS1's first admin token
 * @param ss2Token     SS2's first admin token
 */
public record SandboxState(String host, SandboxPorts ports, String centralToken, String ss1Token, String ss2Token) {

    /** The file's name in the work directory. */
    public static final String FILE = "sandbox.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SandboxState {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(centralToken, "centralToken");
        Objects.requireNonNull(ss1Token, "ss1Token");
        Objects.requireNonNull(ss2Token, "ss2Token");
    }

    /** Writes the state into {@code workDir}, replacing it atomically. */
    public void write(Path workDir) {
        Path file = workDir.resolve(FILE);
        Path temporary = workDir.resolve(FILE + ".tmp");
        try {
            Files.write(temporary, JSON.writeValueAsBytes(this));
            try {
                Files.setPosixFilePermissions(temporary, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort: a sandbox on a non-POSIX file system
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot write " + file, e);
        }
    }

    /** The state in {@code workDir}, if a sandbox completed its setup there. */
    public static Optional<SandboxState> read(Path workDir) {
        Path file = workDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), SandboxState.class));
        } catch (IOException | RuntimeException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
