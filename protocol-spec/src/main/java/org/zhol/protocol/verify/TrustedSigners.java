// SPDX-License-Identifier: MIT
package org.zhol.protocol.verify;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.cert.CertChainValidator;
import org.zhol.protocol.cert.CertificateProfiles;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.cert.ValidatedChain;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.TrustAnchors;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.manifest.SignerCertificateCheck;
import org.zhol.protocol.manifest.SigningCertificateProfile;
import org.zhol.protocol.ocsp.OcspResponse;
import org.zhol.protocol.ocsp.OcspTarget;
import org.zhol.protocol.ocsp.OcspVerifier;

/**
 * The message signers that a configuration trusts. A signer is trusted at a moment when its
 * certificate chains to an approved CA, has the signing key usage, and one of the OCSP responses that
 * came with the signature is a fresh, authorised GOOD answer for it. Its member is what the issuing
 * CA's certificate profile says.
 *
 * <p><b>Pitfalls:</b> the OCSP responses in a signature are not covered by it. {@link OcspResponse#decode}
 * accepts only canonical DER, so that BouncyCastle's lenient parser cannot turn an altered response back
 * into the signed form before its signature is checked.
 */
public final class TrustedSigners implements SignerCertificateCheck, SigningCertificateProfile {

    private final List<ApprovedCa> cas;
    private final OcspVerifier ocsp;
    private final CertificateProfiles profiles;
    private final Memo<ChainKey, ValidatedChain> chains;
    private final Memo<OriginKey, Boolean> origins;
    private final Memo<String, OcspResponse> decoded;

    public TrustedSigners(TrustAnchors anchors, CertificateProfiles profiles) {
        this(anchors, profiles, 0);
    }

    /**
     * Trusted signers that remember up to {@code cacheEntries} validated chains and OCSP response origins
     * (signatures), keyed by the exact certificates and response bytes, so that verifying many signatures
     * of one signer (an auditor reading an archive) checks each signature of the trust path once. The
     * time-dependent checks (validity at the signing time, OCSP freshness and status) run every time.
     */
    public TrustedSigners(TrustAnchors anchors, CertificateProfiles profiles, int cacheEntries) {
        this.cas = List.copyOf(anchors.approvedCas());
        this.ocsp = new OcspVerifier(anchors.trustParameters());
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.chains = new Memo<>(cacheEntries);
        this.origins = new Memo<>(cacheEntries);
        this.decoded = new Memo<>(cacheEntries);
    }

    /** The certificates a chain was validated from. */
    private record ChainKey(X509Certificate leaf, List<X509Certificate> supplied) {
    }

    /** An OCSP response (by its bytes) whose origin was verified for a chain's leaf and issuer. */
    private record OriginKey(String response, X509Certificate leaf, X509Certificate issuer) {
    }

    /** A small LRU map, or nothing at all for a capacity of 0. */
    private static final class Memo<K, V> {
        private final int capacity;
        private final java.util.Map<K, V> map;

        Memo(int capacity) {
            if (capacity < 0) {
                throw new IllegalArgumentException("negative cache size");
            }
            this.capacity = capacity;
            this.map = new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<K, V> eldest) {
                    return size() > Memo.this.capacity;
                }
            };
        }

        synchronized V get(K key) {
            return capacity == 0 ? null : map.get(key);
        }

        synchronized void put(K key, V value) {
            if (capacity > 0) {
                map.put(key, value);
            }
        }
    }

    @Override
    public void check(X509Certificate signer, List<X509Certificate> embeddedCertificates,
            List<byte[]> embeddedOcspResponses, Instant at) {
        checkCertificate(signer, CertificateRole.SIGNING, embeddedCertificates, embeddedOcspResponses, at);
    }

    /**
     * Checks that {@code certificate} is trusted for {@code role} at {@code at}: it chains to an approved
     * CA (with the help of {@code embeddedCertificates}), has the role's key usage, and one of
     * {@code embeddedOcspResponses} is a fresh, authorised GOOD answer for it.
     *
     * @throws ZholException {@code CannotCreateCertPath}, {@code InvalidCertPath}, {@code WrongCertUsage},
     *                       {@code MissingValidationInfo}, {@code IncorrectValidationInfo.*} or
     *                       {@code CertValidation}
     */
    public ValidatedChain checkCertificate(X509Certificate certificate, CertificateRole role,
            List<X509Certificate> embeddedCertificates, List<byte[]> embeddedOcspResponses, Instant at) {
        ValidatedChain chain = chain(certificate, embeddedCertificates, at);
        role.check(certificate);
        OcspTarget target = OcspTarget.of(chain);
        for (byte[] der : embeddedOcspResponses) {
            String digest = java.util.HexFormat.of().formatHex(sha256(der));
            OcspResponse response = decode(digest, der);
            if (response.serialNumber().equals(certificate.getSerialNumber())) {
                OriginKey key = new OriginKey(digest, chain.leaf(), chain.issuer());
                if (origins.get(key) == null) {
                    ocsp.verifyOrigin(response, target);
                    origins.put(key, Boolean.TRUE);
                }
                ocsp.verifyAt(response, at);
                return chain;
            }
        }
        throw new ZholException(FaultCode.of(ErrorCode.MISSING_VALIDATION_INFO), Origin.CLIENT,
                "No OCSP response came with the certificate " + certificate.getSubjectX500Principal().getName(), null);
    }

    /** {@link OcspResponse#decode}, remembered by the SHA-256 of the bytes (decoding is a pure function of them). */
    private OcspResponse decode(String digest, byte[] der) {
        OcspResponse known = decoded.get(digest);
        if (known != null) {
            return known;
        }
        OcspResponse response = OcspResponse.decode(der);
        decoded.put(digest, response);
        return response;
    }

    /**
     * The validated chain of {@code certificate} at {@code at}; a remembered chain is reused while
     * {@code at} lies within the validity of all its certificates (the only time-dependent part of PKIX
     * path validation without revocation checking).
     */
    private ValidatedChain chain(X509Certificate certificate, List<X509Certificate> supplied, Instant at) {
        ChainKey key = new ChainKey(certificate, List.copyOf(supplied));
        ValidatedChain known = chains.get(key);
        if (known != null && validThroughout(known, at)) {
            return known;
        }
        ValidatedChain chain = CertChainValidator.validate(certificate, supplied, cas, at);
        chains.put(key, chain);
        return chain;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean validThroughout(ValidatedChain chain, Instant at) {
        List<X509Certificate> all = new java.util.ArrayList<>(chain.certificates());
        all.add(chain.ca().topCertificate());
        return all.stream().allMatch(c -> !at.isBefore(c.getNotBefore().toInstant())
                && !at.isAfter(c.getNotAfter().toInstant()));
    }

    @Override
    public MemberId memberOf(X509Certificate certificate, String instance) {
        for (ApprovedCa ca : cas) {
            if (issuedWithin(certificate, ca)) {
                return profiles.memberId(certificate, ca, instance);
            }
        }
        throw new ZholException(FaultCode.of(ErrorCode.CANNOT_CREATE_CERT_PATH), Origin.CLIENT,
                "The signing certificate is not issued by an approved CA", null);
    }

    private static boolean issuedWithin(X509Certificate certificate, ApprovedCa ca) {
        var issuer = certificate.getIssuerX500Principal();
        return ca.topCertificate().getSubjectX500Principal().equals(issuer)
                || ca.intermediates().stream().anyMatch(i -> i.getSubjectX500Principal().equals(issuer));
    }
}
