// SPDX-License-Identifier: MIT
package org.zhol.protocol.ocsp;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zhol.protocol.globalconf.OcspResponder;

/**
 * The OCSP responses whose origin ({@link OcspVerifier#verifyOrigin}) has passed, remembered by a SHA-256
 * over everything that decision depends on: the response's DER, the target certificate, its issuer, and the
 * certificates the approved CA lists for its responders. A changed configuration (a responder removed) gives
 * a different key, so nothing stale is reused.
 *
 * <p><b>Why:</b> verifying an OCSP signature is the most expensive step of an exchange (an ECDSA
 * verification with an arbitrary public point), and each exchange meets the same stapled responses again
 * until they are refreshed.
 *
 * <p><b>Limits:</b> at most {@link #CAPACITY} keys, the least recently used dropped first. Only passes are
 * stored; a failing response is checked in full every time.
 */
final class VerifiedOrigins {

    /** Limit: keys kept. Each is 32 bytes plus the map's overhead. */
    static final int CAPACITY = 4096;

    static final VerifiedOrigins SHARED = new VerifiedOrigins();

    private final Map<ByteBuffer, Boolean> passed = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized boolean contains(byte[] key) {
        return passed.get(ByteBuffer.wrap(key)) != null;
    }

    synchronized void add(byte[] key) {
        passed.put(ByteBuffer.wrap(key), Boolean.TRUE);
    }

    synchronized int size() {
        return passed.size();
    }

    /** The key of one origin decision; each input is length-prefixed so no two inputs collide by framing. */
    static byte[] key(OcspResponse response, OcspTarget target) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            update(sha256, response.der());
            update(sha256, target.certificate().getEncoded());
            update(sha256, target.issuer().getEncoded());
            for (OcspResponder responder : target.ca().ocspResponders()) {
                if (responder.certificate().isPresent()) {
                    update(sha256, responder.certificate().get().getEncoded());
                }
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot key an OCSP origin decision", e);
        }
    }

    private static void update(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }
}
