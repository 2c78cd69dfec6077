// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.server.files.DurableFiles;
import org.zhol.centralserver.trust.keys.KeyStorePassword;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Where the PKCS#12 password of the configuration signing keys comes from, first match wins:
 * <ol>
 *   <li>the option {@code publishing.keyStorePassword};</li>
 *   <li>the environment variable {@code ZHOL_KEYSTORE_PASSWORD} (read by {@code CentralServerMain});</li>
 *   <li>the file {@code dataDir/keys/keystore.password}, which {@code init} generates (32 random bytes,
 *       owner-only) when neither of the others is set. Fine for a sandbox; in production set one of the
 *       others and keep the password out of the data directory.</li>
 * </ol>
 * The password is never logged.
 *
 * @param environment the value of {@code ZHOL_KEYSTORE_PASSWORD}, if set
 */
record KeyStorePasswords(Optional<String> environment) {

    /** The generated password's file in the keys directory. */
    static final String FILE = "keystore.password";

    KeyStorePasswords {
        environment = environment.filter(s -> !s.isEmpty());
    }

    /** The password for {@code init}: generates the file when nothing else gives one. */
    KeyStorePassword forInit(CentralServerConfig config) {
        Optional<KeyStorePassword> given = given(config);
        if (given.isPresent()) {
            return given.get();
        }
        Path file = file(config);
        try {
            Files.createDirectories(file.getParent());
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            DurableFiles.write(file, Base64.getUrlEncoder().withoutPadding().encode(secret));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Deviation: without POSIX permissions the data directory's own ACL protects the file.
            }
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot write the key store password file", e);
        }
        return forStart(config);
    }

    /** The password for {@code start}. */
    KeyStorePassword forStart(CentralServerConfig config) {
        return given(config).orElseGet(() -> {
            try {
                return KeyStorePassword.of(Files.readString(file(config), StandardCharsets.US_ASCII).trim());
            } catch (IOException e) {
                throw ZholException.internal(ErrorCode.MALFORMED_SERVER_CONF, "No key store password: set"
                        + " publishing.keyStorePassword or ZHOL_KEYSTORE_PASSWORD (no " + FILE + " either)", e);
            }
        });
    }

    private Optional<KeyStorePassword> given(CentralServerConfig config) {
        String configured = config.publishing().keyStorePassword();
        return configured.isEmpty() ? environment.map(KeyStorePassword::of) : Optional.of(KeyStorePassword.of(configured));
    }

    private static Path file(CentralServerConfig config) {
        return config.dataPath().resolve("keys").resolve(FILE);
    }

    @Override
    public String toString() {
        return "KeyStorePasswords[environment=" + (environment.isPresent() ? "***" : "unset") + "]";
    }
}
