// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to run the sandbox.
 *
 * @param workDir where every part keeps its files (default {@code ./.zhol-sandbox})
 * @param host    the address every listener binds to and every URL names (default {@code 127.0.0.1})
 * @param ports   the ports (default {@link SandboxPorts#DEFAULTS})
 * @param pin     the PIN of both security servers' software tokens
 */
public record SandboxConfig(Path workDir, String host, SandboxPorts ports, String pin) {

    /** The work directory when none is given. */
    public static final Path DEFAULT_WORK_DIR = Path.of(".zhol-sandbox");
    /** The loopback address the sandbox listens on. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The token PIN of the sandbox's security servers; a sandbox secret, written to the work directory. */
    public static final String DEFAULT_PIN = "sandbox-pin-1234";

    public SandboxConfig {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(ports, "ports");
        host = host == null || host.isBlank() ? DEFAULT_HOST : host;
        pin = pin == null || pin.isEmpty() ? DEFAULT_PIN : pin;
    }

    /** The defaults in {@code workDir}. */
    public static SandboxConfig in(Path workDir) {
        return new SandboxConfig(workDir, DEFAULT_HOST, SandboxPorts.DEFAULTS, DEFAULT_PIN);
    }

    /** This configuration with other ports. */
    public SandboxConfig withPorts(SandboxPorts newPorts) {
        return new SandboxConfig(workDir, host, newPorts, pin);
    }
}
