// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.zhol.protocol.cert.CertificateProfiles;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.log.CheckpointVerifier;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.log.VerifiedCheckpoint;
import org.zhol.protocol.manifest.ManifestLimits;
import org.zhol.protocol.manifest.MessageSignatureVerifier;
import org.zhol.protocol.manifest.SignedMessage;
import org.zhol.protocol.manifest.VerifiedSignature;
import org.zhol.protocol.verify.TrustedSigners;

/**
 * Verifies message signatures and the peers' log checkpoints against the configuration of the exchange:
 * the approved CAs, their certificate profiles and OCSP freshness ({@link TrustedSigners}), through one
 * {@link MessageSignatureVerifier} and one {@link CheckpointVerifier} per configuration generation, so
 * that verified batch roots and checkpoints are cached until the configuration changes.
 */
public final class SignatureCheck {

    /** Limit: how many verified batch roots are kept. */
    public static final int BATCH_CACHE_SIZE = 1024;
    /** Limit: how many verified peer checkpoints are kept (a peer sends the same one until its log grows). */
    public static final int CHECKPOINT_CACHE_SIZE = 256;

    private record Current(GlobalConfiguration conf, MessageSignatureVerifier verifier, CheckpointVerifier checkpoints,
            Map<ByteBuffer, VerifiedCheckpoint> verified) {
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
     * @throws ZholException what {@link MessageSignatureVerifier#verify} throws
     */
    public VerifiedSignature verify(GlobalConfiguration conf, SignedMessage message, MemberId signer, Instant at) {
        return current(conf).verifier().verify(message, signer, at);
    }

    /**
     * Decodes and verifies the checkpoint that {@code peer} sent in a TRAILER (protocol-spec log.md §3, §5):
     * signed by the owner of {@code peer} with a certificate of an approved CA that was valid, with a fresh
     * embedded OCSP response, at the checkpoint's time, and naming {@code peer}'s own log.
     *
     * @throws ZholException {@code MalformedHashChain} when it is not a signed checkpoint, the
     *                       {@link CheckpointVerifier} codes, or {@code InvalidMessage} when it is another
     *                       server's checkpoint
     */
    public SignedCheckpoint verifyCheckpoint(GlobalConfiguration conf, byte[] encoded, SecurityServerId peer) {
        Current now = current(conf);
        ByteBuffer key = ByteBuffer.wrap(encoded.clone());
        VerifiedCheckpoint verified = now.verified().get(key);
        if (verified == null) {
            verified = now.checkpoints().verify(SignedCheckpoint.decode(encoded));
            if (now.verified().size() >= CHECKPOINT_CACHE_SIZE) {
                now.verified().clear();
            }
            now.verified().put(key, verified);
        }
        if (!verified.checkpoint().logId().equals(peer)) {
            throw ZholException.client(ErrorCode.INVALID_MESSAGE, "The trailer carries the checkpoint of "
                    + verified.checkpoint().logId() + ", not of the sending server " + peer);
        }
        return verified.signed();
    }

    private Current current(GlobalConfiguration conf) {
        Current now = current.get();
        if (now != null && now.conf() == conf) {
            return now;
        }
        TrustedSigners trusted = new TrustedSigners(conf, profiles);
        Current fresh = new Current(conf, new MessageSignatureVerifier(cades, trusted, trusted, ManifestLimits.DEFAULT,
                BATCH_CACHE_SIZE), new CheckpointVerifier(cades, trusted, trusted), new ConcurrentHashMap<>());
        current.set(fresh);
        return fresh;
    }
}
