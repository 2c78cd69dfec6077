// SPDX-License-Identifier: MIT
package org.zhol.protocol.tsp;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

/**
 * A decoded RFC 3161 {@code TimeStampToken}: a CMS SignedData whose content is a {@code TSTInfo}.
 * Decoding checks structure only. Whether the token is trustworthy is decided by
 * {@link TimestampVerifier}; nothing here is trusted before that.
 *
 * <p>A stored token is self-contained: Zhol requests it with {@code certReq = TRUE}, so the TSA
 * certificate is embedded ({@link #tsaCertificate()}) and the token verifies offline.
 *
 * <p><b>Limits:</b> at most {@link #MAX_ENCODED_LENGTH} bytes.
 *
 * <p><b>Pitfalls:</b> trailing bytes after the DER structure are refused, not ignored.
 */
// Deviation: a class, not a record: it keeps the parsed BouncyCastle token so that verification does
// not parse twice. All state is final and nothing mutable escapes.
public final class TimestampToken {

    /** Limit: the largest token decoded. */
    public static final int MAX_ENCODED_LENGTH = 64 * 1024;

    private final byte[] encoded;
    private final TimeStampToken token;
    private final Optional<X509Certificate> tsaCertificate;

    private TimestampToken(byte[] encoded, TimeStampToken token, Optional<X509Certificate> tsaCertificate) {
        this.encoded = encoded;
        this.token = token;
        this.tsaCertificate = tsaCertificate;
    }

    /**
     * Decodes a DER {@code ContentInfo} holding a time-stamp token.
     *
     * @throws org.zhol.protocol.error.ZholException {@code TimestampValidation.MalformedSignature} when
     *                                               the bytes are not a well-formed token
     */
    public static TimestampToken decode(byte[] der) {
        if (der.length > MAX_ENCODED_LENGTH) {
            throw TspFaults.malformed("Time-stamp token is longer than " + MAX_ENCODED_LENGTH + " bytes", null);
        }
        try {
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!org.bouncycastle.asn1.cms.CMSObjectIdentifiers.signedData.equals(info.getContentType())) {
                // BouncyCastle would read the content as SignedData whatever the type says.
                throw TspFaults.malformed("The token is not a CMS SignedData", null);
            }
            return of(new TimeStampToken(new CMSSignedData(info)));
        } catch (IOException | TSPException | CMSException | RuntimeException e) {
            throw TspFaults.malformed("Not a well-formed time-stamp token", e);
        }
    }

    /** Wraps a token already parsed by BouncyCastle, e.g. the one inside a reply. */
    static TimestampToken of(TimeStampToken token) throws IOException {
        Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
        Optional<X509Certificate> cert = Optional.empty();
        if (!matches.isEmpty()) {
            try {
                cert = Optional.of(new JcaX509CertificateConverter().getCertificate(matches.iterator().next()));
            } catch (CertificateException e) {
                throw new IOException("embedded TSA certificate is malformed", e);
            }
        }
        token.getTimeStampInfo().getGenTime(); // fails early on a malformed genTime
        return new TimestampToken(token.getEncoded(ASN1Encoding.DER), token, cert);
    }

    /** The DER encoding of the whole token ({@code ContentInfo}), the form to store. */
    public byte[] encoded() {
        return encoded.clone();
    }

    /** When the TSA says it stamped the imprint ({@code TSTInfo.genTime}). */
    public Instant genTime() {
        return token.getTimeStampInfo().getGenTime().toInstant();
    }

    /** The TSA's serial number of this token. */
    public BigInteger serialNumber() {
        return token.getTimeStampInfo().getSerialNumber();
    }

    /** The TSA policy under which the token was issued, as a dotted OID. */
    public String policy() {
        return token.getTimeStampInfo().getPolicy().getId();
    }

    /** The nonce the token echoes, if any. */
    public Optional<BigInteger> nonce() {
        return Optional.ofNullable(token.getTimeStampInfo().getNonce());
    }

    /** The stamped digest ({@code messageImprint.hashedMessage}). */
    public byte[] imprintDigest() {
        return token.getTimeStampInfo().getMessageImprintDigest();
    }

    /** The certificate of the signer, when the token embeds it. */
    public Optional<X509Certificate> tsaCertificate() {
        return tsaCertificate;
    }

    TimeStampToken bcToken() {
        return token;
    }

    TimeStampTokenInfo info() {
        return token.getTimeStampInfo();
    }

    @Override
    public String toString() {
        return "TimestampToken[serial=" + serialNumber() + ", genTime=" + genTime() + ", policy=" + policy() + "]";
    }
}
