// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * The configuration of one token, part of the server's typed configuration. It never holds a PIN:
 * that comes from a {@link PinSource}.
 */
public sealed interface TokenConfig permits TokenConfig.Software, TokenConfig.Pkcs11 {

    /** Limit: token ids are 1 to 32 of {@code [A-Za-z0-9_-]} (they name a JCA provider and files). */
    Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    /** The token id, unique within the server. */
    String id();

    /** The kind of key {@link Signer#generateKey} makes. */
    KeyAlgorithm keyAlgorithm();

    /**
     * A software token: PKCS#12 files under {@code directory}. The default token.
     *
     * @param id           the token id; default {@code software}
     * @param directory    where {@code token.p12}, {@code keys.json} and {@code keys/} live
     * @param keyAlgorithm default {@link KeyAlgorithm#EC_P256}
     */
    record Software(String id, Path directory, KeyAlgorithm keyAlgorithm) implements TokenConfig {
        public Software {
            checkId(id);
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
        }

        /** The default software token {@code software} in {@code directory}, with EC P-256 keys. */
        public static Software in(Path directory) {
            return new Software("software", directory, KeyAlgorithm.EC_P256);
        }
    }

    /**
     * A PKCS#11 token through SunPKCS11.
     *
     * @param id             the token id (also the SunPKCS11 provider name suffix)
     * @param library        the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param slot           the slot id; when empty, {@code slotListIndex} selects the slot
     * @param slotListIndex  the index in the module's slot list; default 0
     * @param stateDirectory where the key index {@code keys.json} (roles, members, labels) lives
     * @param keyAlgorithm   default {@link KeyAlgorithm#EC_P256}
     */
    record Pkcs11(String id, Path library, OptionalLong slot, int slotListIndex, Path stateDirectory,
            KeyAlgorithm keyAlgorithm) implements TokenConfig {
        public Pkcs11 {
            checkId(id);
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(slot, "slot");
            Objects.requireNonNull(stateDirectory, "stateDirectory");
            Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
            if (slotListIndex < 0) {
                throw ZholException.client(ErrorCode.MALFORMED_SERVER_CONF, "slotListIndex must be >= 0");
            }
        }

        /** The SunPKCS11 configuration text (no secrets: the PIN is given at login). */
        String providerConfiguration() {
            String selector = slot.isPresent() ? "slot = " + slot.getAsLong() : "slotListIndex = " + slotListIndex;
            // Keys are generated as token objects that never leave the token.
            return "--name = zhol-" + id + "\n"
                    + "library = \"" + library.toAbsolutePath() + "\"\n"
                    + selector + "\n"
                    + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n"
                    + "  CKA_TOKEN = true\n  CKA_PRIVATE = true\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n"
                    + "}\n";
        }
    }

    private static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw ZholException.client(ErrorCode.MALFORMED_SERVER_CONF,
                    "A token id must be 1 to 32 of [A-Za-z0-9_-]");
        }
    }
}
