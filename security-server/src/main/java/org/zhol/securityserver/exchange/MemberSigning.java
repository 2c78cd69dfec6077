// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.crypto.CadesSigner;
import org.zhol.protocol.crypto.SigningCredentials;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.manifest.BatchManifestSigner;
import org.zhol.protocol.manifest.ManifestSigner;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.securityserver.config.BatchSigning;
import org.zhol.securityserver.ocsp.OwnOcspResponses;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.securityserver.signer.Signer;

/**
 * Signs messages for the members this server acts for: the client member's key signs requests, the
 * provider member's key signs responses. The key is the member's SIGN key with an imported certificate,
 * valid at the signing time and with a fresh GOOD OCSP response in the own-certificate cache; that
 * response is embedded in the CMS, so that the signature verifies offline. When several keys qualify,
 * the one generated last wins.
 *
 * <p>With {@link BatchSigning} on (per token, {@code token.batchSigning}), the manifests signed with the
 * same key for the same signing time within the batch wait share one CMS over their Merkle root
 * ({@link BatchManifestSigner}); each message carries a {@link MessageSignature.Batch} with its inclusion
 * proof, even when its batch held only itself.
 */
public final class MemberSigning {

    private final Signer signer;
    private final OwnOcspResponses ocsp;
    private final BatchSigning batching;
    private final ManifestBatcher batcher;

    /** Signs every message with its own CMS. */
    public MemberSigning(Signer signer, OwnOcspResponses ocsp) {
        this(signer, ocsp, BatchSigning.OFF);
    }

    /** Signs in batches when {@code batching} is enabled, else every message with its own CMS. */
    public MemberSigning(Signer signer, OwnOcspResponses ocsp, BatchSigning batching) {
        this.signer = signer;
        this.ocsp = ocsp;
        this.batching = batching;
        this.batcher = new ManifestBatcher(batching);
    }

    /**
     * Signs {@code manifest} (its canonical bytes) for {@code member}.
     *
     * @throws ZholException {@code KeyNotFound} when the member has no SIGN key with a certificate valid at
     *                       {@code signingTime}; {@code MissingValidationInfo} when none of them has a fresh
     *                       OCSP response; the signer's codes when signing fails
     */
    public MessageSignature sign(MemberId member, byte[] manifest, Instant signingTime) {
        List<KeyInfo> keys = signer.keys().reversed().stream()
                .filter(k -> k.role() == KeyRole.SIGN && k.member().equals(Optional.of(member)))
                .filter(k -> !k.certificates().isEmpty() && validAt(k.certificates().getFirst(), signingTime))
                .toList();
        if (keys.isEmpty()) {
            throw fault(ErrorCode.KEY_NOT_FOUND, "Member " + member
                    + " has no signing key with a valid certificate on this security server");
        }
        for (KeyInfo key : keys) {
            X509Certificate certificate = key.certificates().getFirst();
            Optional<byte[]> response = ocsp.freshResponse(certificate);
            if (response.isPresent()) {
                CadesSigner cades = new CadesSigner(new SigningCredentials(signer.signingKey(key.keyId()), certificate,
                        List.of()));
                List<byte[]> ocspResponses = List.of(response.get());
                if (!batching.enabled()) {
                    return new ManifestSigner(cades).sign(manifest, signingTime, ocspResponses);
                }
                return batcher.sign(new ManifestBatcher.Group(key.keyId(), signingTime), manifest,
                        all -> new BatchManifestSigner(cades).sign(all, signingTime, ocspResponses));
            }
        }
        throw fault(ErrorCode.MISSING_VALIDATION_INFO,
                "The signing certificate of member " + member + " has no fresh OCSP response");
    }

    private static boolean validAt(X509Certificate certificate, Instant at) {
        return !at.isBefore(certificate.getNotBefore().toInstant()) && !at.isAfter(certificate.getNotAfter().toInstant());
    }

    private static ZholException fault(ErrorCode code, String detail) {
        return new ZholException(FaultCode.of(code), Origin.THIS_SERVER, detail, null);
    }
}
