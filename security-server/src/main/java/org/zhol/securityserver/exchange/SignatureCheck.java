// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.zhol.protocol.cert.CertificateProfiles;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.manifest.ManifestLimits;
import org.zhol.protocol.manifest.MessageSignatureVerifier;
import org.zhol.protocol.manifest.SignedMessage;
import org.zhol.protocol.manifest.VerifiedSignature;
import org.zhol.protocol.verify.TrustedSigners;

/**
 * Verifies message signatures against the configuration of the exchange: the approved CAs, their
 * certificate profiles and OCSP freshness ({@link TrustedSigners}), through one
 * {@link MessageSignatureVerifier} per configuration generation, so that verified batch roots are
 * cached until the configuration changes.
 */
public final class SignatureCheck {

    /** Limit: how many verified batch roots are kept. */
    public static final int BATCH_CACHE_SIZE = 1024;

    private record Current(GlobalConfiguration conf, MessageSignatureVerifier verifier) {
    }

    private final CadesVerifier cades;
    private final CertificateProfiles profiles;
    private final AtomicReference<Current> current = new AtomicReference<>();

    public SignatureCheck(CadesVerifier cades, CertificateProfiles profiles) {
        this.cades = cades;
        this.profiles = profiles;
    }

    /**
     * Verifies {@code message} as signed by {@code signer} and valid at {@code at}.
     *
     * @throws org.zhol.protocol.error.ZholException what {@link MessageSignatureVerifier#verify} throws
     */
    public VerifiedSignature verify(GlobalConfiguration conf, SignedMessage message, MemberId signer, Instant at) {
        return verifier(conf).verify(message, signer, at);
    }

    private MessageSignatureVerifier verifier(GlobalConfiguration conf) {
        Current now = current.get();
        if (now != null && now.conf() == conf) {
            return now.verifier();
        }
        TrustedSigners trusted = new TrustedSigners(conf, profiles);
        Current fresh = new Current(conf, new MessageSignatureVerifier(cades, trusted, trusted, ManifestLimits.DEFAULT,
                BATCH_CACHE_SIZE));
        current.set(fresh);
        return fresh.verifier();
    }
}
