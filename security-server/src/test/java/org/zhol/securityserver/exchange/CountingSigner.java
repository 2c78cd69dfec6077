// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.security.PrivateKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.x500.X500Name;
import org.zhol.protocol.crypto.SignatureAlgorithm;
import org.zhol.protocol.crypto.SigningKey;
import org.zhol.protocol.id.MemberId;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.securityserver.signer.Signer;

/** A real signer that counts the signatures its signing keys make (one per CMS). */
final class CountingSigner implements Signer {

    private final Signer signer;
    private final AtomicInteger signatures = new AtomicInteger();

    CountingSigner(Signer signer) {
        this.signer = signer;
    }

    /** How many signatures the signing keys made so far. */
    int signatures() {
        return signatures.get();
    }

    @Override
    public List<KeyInfo> keys() {
        return signer.keys();
    }

    @Override
    public KeyInfo generateKey(KeyRole role, Optional<MemberId> member, String label) {
        return signer.generateKey(role, member, label);
    }

    @Override
    public byte[] certificationRequest(String keyId, X500Name subject) {
        return signer.certificationRequest(keyId, subject);
    }

    @Override
    public KeyInfo importCertificate(byte[] der) {
        return signer.importCertificate(der);
    }

    @Override
    public SigningKey signingKey(String keyId) {
        SigningKey key = signer.signingKey(keyId);
        return new SigningKey() {
            @Override
            public SignatureAlgorithm algorithm() {
                return key.algorithm();
            }

            @Override
            public byte[] sign(byte[] toBeSigned) {
                signatures.incrementAndGet();
                return key.sign(toBeSigned);
            }
        };
    }

    @Override
    public PrivateKey tlsKey(String keyId) {
        return signer.tlsKey(keyId);
    }

    @Override
    public byte[] signDigest(String keyId, byte[] digest) {
        signatures.incrementAndGet();
        return signer.signDigest(keyId, digest);
    }
}
