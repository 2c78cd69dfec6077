// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSVerifierCertificateNotValidException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Verifies downloaded configuration against an anchor, then decodes it: <em>verify the received bytes,
 * then parse</em>. The method names follow Tink's {@code verifyAndDecode}: the typed result exists only
 * if every check passed. Checks, in order, each with its stable code:
 *
 * <ol>
 * <li>sizes, then the signature's structure: canonical DER CMS SignedData, detached, one signer, a signing-time
 * attribute, the signer certificate embedded: {@code MalformedGlobalConf};</li>
 * <li>the embedded signer certificate is one of the anchor's: {@code IncorrectCertificate};</li>
 * <li>that certificate was valid at the signing time: {@code CertValidation};</li>
 * <li>the signature over the exact directory bytes: {@code InvalidSignatureValue};</li>
 * <li>the directory's JSON: {@code MalformedGlobalConf};</li>
 * <li>its instance is the anchor's: {@code MalformedGlobalConf.InconsistentResponse};</li>
 * <li>{@code now} is before its {@code expiresAt}: {@code OutdatedGlobalConf};</li>
 * <li>exactly the listed parts are present: {@code MalformedGlobalConf};</li>
 * <li>each part's SHA-256 equals the listed one: {@code InvalidReference};</li>
 * <li>the parts' JSON and consistency: {@code MalformedGlobalConf}; their instance is the anchor's:
 * {@code MalformedGlobalConf.InconsistentResponse}.</li>
 * </ol>
 *
 * <p><b>Limits:</b> directory {@link GlobalConfDirectoryCodec#MAX_LENGTH}, signature
 * {@link #MAX_SIGNATURE_LENGTH}, each part {@link GlobalConfPartsCodec#MAX_PART_LENGTH} bytes.
 *
 * <p><b>Pitfalls:</b> rollback is the caller's check: refuse a generation lower than the one you hold.
 * {@code now} is explicit so that stored configurations and test vectors can be checked at any instant.
 */
public final class GlobalConfVerifier {

    /** Limit: the largest signature read. */
    public static final int MAX_SIGNATURE_LENGTH = 64 * 1024;

    private final ConfigurationAnchor anchor;

    public GlobalConfVerifier(ConfigurationAnchor anchor) {
        this.anchor = Objects.requireNonNull(anchor, "anchor");
    }

    /**
     * Verifies a directory and its signature, before its parts are fetched.
     *
     * @return the verified directory, which names the parts to fetch
     */
    public GlobalConfDirectory verifyDirectory(byte[] directory, byte[] signature, Instant now) {
        verifySignature(directory, signature);
        return checkDirectory(directory, now);
    }

    /** Verifies a whole generation and returns its typed configuration. */
    public VerifiedGlobalConf verifyAndDecode(GlobalConfFiles files, Instant now) {
        byte[] directoryBytes = files.directory();
        X509Certificate signer = verifySignature(directoryBytes, files.signature());
        GlobalConfDirectory directory = checkDirectory(directoryBytes, now);
        Map<String, byte[]> parts = files.parts();
        for (String name : parts.keySet()) {
            if (directory.part(name).isEmpty()) {
                throw GlobalConfFaults.malformed("Part " + name + " is not listed in the directory");
            }
        }
        for (PartReference ref : directory.parts()) {
            byte[] bytes = parts.get(ref.name());
            if (bytes == null) {
                throw GlobalConfFaults.malformed("Part " + ref.name() + " is listed but missing");
            }
            byte[] actual = HexFormat.of().parseHex(GlobalConfWriter.sha256Hex(bytes));
            if (!MessageDigest.isEqual(actual, HexFormat.of().parseHex(ref.sha256()))) {
                throw GlobalConfFaults.of(ErrorCode.INVALID_REFERENCE, "Part " + ref.name()
                        + " does not match its SHA-256 in the directory", null);
            }
        }
        GlobalConfiguration configuration = GlobalConfPartsCodec.decode(parts);
        if (!configuration.instance().equals(anchor.instance())) {
            throw GlobalConfFaults.wrongInstance(anchor.instance(), configuration.instance());
        }
        return new VerifiedGlobalConf(directory, configuration, signer);
    }

    private GlobalConfDirectory checkDirectory(byte[] directoryBytes, Instant now) {
        GlobalConfDirectory directory = GlobalConfDirectoryCodec.decode(directoryBytes);
        if (!directory.instance().equals(anchor.instance())) {
            throw GlobalConfFaults.wrongInstance(anchor.instance(), directory.instance());
        }
        if (!now.isBefore(directory.expiresAt())) {
            throw GlobalConfFaults.of(ErrorCode.OUTDATED_GLOBAL_CONF, "Generation " + directory.generation()
                    + " expired at " + directory.expiresAt(), null);
        }
        return directory;
    }

    /** Checks the CMS signature over the exact directory bytes; returns the anchor certificate used. */
    private X509Certificate verifySignature(byte[] directory, byte[] signature) {
        if (directory.length > GlobalConfDirectoryCodec.MAX_LENGTH || signature.length > MAX_SIGNATURE_LENGTH) {
            throw GlobalConfFaults.malformed("The directory or its signature is too long");
        }
        CMSSignedData cms = parseSignature(directory, signature);
        SignerInformation signer;
        X509Certificate embedded;
        try {
            signer = onlySigner(cms);
            embedded = embeddedCertificate(cms, signer);
        } catch (ZholException e) {
            throw e;
        } catch (RuntimeException e) { // BouncyCastle parses these parts lazily
            throw GlobalConfFaults.malformed("The signature is not well-formed CMS", e);
        }
        X509Certificate trusted = anchor.signingCertificates().stream().filter(embedded::equals).findFirst()
                .orElseThrow(() -> GlobalConfFaults.of(ErrorCode.INCORRECT_CERTIFICATE,
                        "The directory is signed by a certificate that the anchor does not hold", null));
        boolean valid;
        try {
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(trusted));
        } catch (CMSVerifierCertificateNotValidException e) {
            throw GlobalConfFaults.of(ErrorCode.CERT_VALIDATION,
                    "The signing certificate was not valid at the signing time", e);
        } catch (CMSException | OperatorCreationException | RuntimeException e) {
            throw GlobalConfFaults.of(ErrorCode.INVALID_SIGNATURE_VALUE, "The directory signature is wrong", e);
        }
        if (!valid) {
            throw GlobalConfFaults.of(ErrorCode.INVALID_SIGNATURE_VALUE, "The directory signature is wrong", null);
        }
        return trusted;
    }

    private static SignerInformation onlySigner(CMSSignedData cms) {
        if (cms.getSignerInfos().size() != 1) {
            throw GlobalConfFaults.malformed("The signature must have exactly one signer");
        }
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        if (signer.getSignedAttributes() == null
                || signer.getSignedAttributes().get(CMSAttributes.signingTime) == null) {
            throw GlobalConfFaults.malformed("The signature has no signing-time attribute");
        }
        return signer;
    }

    /**
     * Requires the signature to be exactly the DER of its typed structure, with version numbers and
     * digest algorithms recomputed. Otherwise a change to a byte that the signature does not cover
     * (a version, an outer digest algorithm, a tag) would go unnoticed.
     */
    private static void requireCanonical(ContentInfo info, byte[] signature) throws IOException {
        SignedData parsed = SignedData.getInstance(info.getContent());
        ASN1EncodableVector signerInfos = new ASN1EncodableVector();
        ASN1EncodableVector digestAlgorithms = new ASN1EncodableVector();
        for (ASN1Encodable element : parsed.getSignerInfos()) {
            SignerInfo signerInfo = SignerInfo.getInstance(element);
            signerInfos.add(new SignerInfo(signerInfo.getSID(), signerInfo.getDigestAlgorithm(),
                    signerInfo.getAuthenticatedAttributes(), signerInfo.getDigestEncryptionAlgorithm(),
                    signerInfo.getEncryptedDigest(), signerInfo.getUnauthenticatedAttributes()));
            digestAlgorithms.add(signerInfo.getDigestAlgorithm());
        }
        SignedData typed = new SignedData(new DERSet(digestAlgorithms), parsed.getEncapContentInfo(),
                parsed.getCertificates(), parsed.getCRLs(), new DERSet(signerInfos));
        byte[] canonical = new ContentInfo(CMSObjectIdentifiers.signedData, typed).getEncoded(ASN1Encoding.DER);
        if (!Arrays.equals(canonical, signature)) {
            throw GlobalConfFaults.malformed("The signature is not canonical DER CMS");
        }
    }

    private static CMSSignedData parseSignature(byte[] directory, byte[] signature) {
        try {
            // fromByteArray gives null for no bytes at all, and getInstance(null) is null.
            ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(signature));
            if (info == null || !CMSObjectIdentifiers.signedData.equals(info.getContentType())
                    || SignedData.getInstance(info.getContent()).getEncapContentInfo().getContent() != null) {
                throw GlobalConfFaults.malformed("The signature is not a detached CMS SignedData");
            }
            requireCanonical(info, signature);
            return new CMSSignedData(new CMSProcessableByteArray(directory), info);
        } catch (IOException | CMSException | IllegalArgumentException | IllegalStateException
                | ClassCastException e) {
            throw GlobalConfFaults.malformed("The signature is not well-formed CMS", e);
        }
    }

    private static X509Certificate embeddedCertificate(CMSSignedData cms, SignerInformation signer) {
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        if (matches.size() != 1) {
            throw GlobalConfFaults.malformed("The signature does not embed exactly one signer certificate");
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CertificateException e) {
            throw GlobalConfFaults.malformed("The embedded signer certificate is malformed", e);
        }
    }
}
