// SPDX-License-Identifier: MIT
package org.zhol.centralserver.trust.keys;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration signing key as the key store records it; the private key stays in its PKCS#12 file.
 *
 * @param number      the key's serial in this data directory, from 1; names its file
 * @param state       where it is in its life
 * @param certificate its self-signed certificate, which anchors list
 * @param createdAt   when it was generated
 * @param stateSince  when it entered {@code state}
 * @param listedUntil for a RETIRED key, when it stops being published; empty for the other states
 */
public record SigningKeyEntry(int number, SigningKeyState state, X509Certificate certificate, Instant createdAt,
        Instant stateSince, Optional<Instant> listedUntil) {

    public SigningKeyEntry {
        if (number < 1) {
            throw new IllegalArgumentException("key numbers start at 1");
        }
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(stateSince, "stateSince");
        Objects.requireNonNull(listedUntil, "listedUntil");
        if (listedUntil.isPresent() != (state == SigningKeyState.RETIRED)) {
            throw new IllegalArgumentException("only a retired key has an end of listing");
        }
    }

    /** The PKCS#12 file of this key, relative to the keys directory: {@code config-signing-N.p12}. */
    public String fileName() {
        return "config-signing-" + number + ".p12";
    }

    /** Whether anchors and generations made at {@code now} list this key's certificate. */
    public boolean isPublished(Instant now) {
        return state != SigningKeyState.RETIRED || now.isBefore(listedUntil.orElseThrow());
    }

    /** This key in {@code newState} from {@code at}. */
    SigningKeyEntry in(SigningKeyState newState, Instant at, Optional<Instant> until) {
        return new SigningKeyEntry(number, newState, certificate, createdAt, at, until);
    }
}
