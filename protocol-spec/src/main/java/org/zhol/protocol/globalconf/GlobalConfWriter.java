// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * Writes and signs one generation of a global configuration, for the central server: the parts
 * ({@link GlobalConfPartsCodec}), a directory listing their SHA-256 ({@link GlobalConfDirectoryCodec}),
 * and a detached CMS SignedData over the directory bytes with a signing-time attribute and the signer
 * certificate embedded.
 *
 * <p>The directory expires {@link TrustParameters#configurationExpiry()} after {@code generatedAt}.
 * Times are written in whole seconds. With a published anchor, the generation also carries the part
 * {@link GlobalConfLayout#ANCHOR_PART}, which lets clients follow a signing-key rotation
 * ({@link EffectiveAnchor}).
 */
public final class GlobalConfWriter {

    private final ConfigurationSigningKey key;

    public GlobalConfWriter(ConfigurationSigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /**
     * The files of generation {@code generation} of {@code conf}, ready to publish under
     * {@link GlobalConfLayout#generationPath}.
     *
     * @throws ZholException {@code CannotCreateSignature} when the key cannot sign
     */
    public GlobalConfFiles write(GlobalConfiguration conf, long generation, Instant generatedAt) {
        return write(GlobalConfPartsCodec.encode(conf), conf, generation, generatedAt);
    }

    /**
     * As {@link #write(GlobalConfiguration, long, Instant)}, with the part {@link GlobalConfLayout#ANCHOR_PART}
     * holding {@code published}: the anchor that the central server exports now, with every signer
     * certificate it publishes (active, next, and recently retired).
     *
     * @throws ZholException {@code CannotCreateSignature} when {@code published} is for another instance or
     *                       does not list this writer's certificate, or the key cannot sign
     */
    public GlobalConfFiles write(GlobalConfiguration conf, long generation, Instant generatedAt,
            ConfigurationAnchor published) {
        if (!published.instance().equals(conf.instance())
                || !published.signingCertificates().contains(key.certificate())) {
            throw ZholException.internal(ErrorCode.CANNOT_CREATE_SIGNATURE,
                    "The published anchor must be for this instance and list the signing certificate", null);
        }
        Map<String, byte[]> parts = new LinkedHashMap<>(GlobalConfPartsCodec.encode(conf));
        parts.put(GlobalConfLayout.ANCHOR_PART, ConfigurationAnchorCodec.encode(published));
        return write(parts, conf, generation, generatedAt);
    }

    private GlobalConfFiles write(Map<String, byte[]> parts, GlobalConfiguration conf, long generation,
            Instant generatedAt) {
        Instant at = generatedAt.truncatedTo(ChronoUnit.SECONDS);
        List<PartReference> refs = new ArrayList<>();
        parts.forEach((name, bytes) -> refs.add(new PartReference(name, name, sha256Hex(bytes))));
        GlobalConfDirectory directory = new GlobalConfDirectory(conf.instance(), generation, at,
                at.plus(conf.trustParameters().configurationExpiry()), refs);
        byte[] directoryBytes = GlobalConfDirectoryCodec.encode(directory);
        return new GlobalConfFiles(directoryBytes, sign(directoryBytes, at), parts);
    }

    /** A detached CMS signature over {@code content}, with {@code signingTime} as its signing-time. */
    public byte[] sign(byte[] content, Instant signingTime) {
        try {
            AttributeTable attributes = new AttributeTable(new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(Date.from(signingTime)))));
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(attributes))
                    .build(new JcaContentSignerBuilder(key.signatureAlgorithm()).build(key.privateKey()),
                            key.certificate()));
            generator.addCertificate(new JcaX509CertificateHolder(key.certificate()));
            return generator.generate(new CMSProcessableByteArray(content), false).toASN1Structure()
                    .getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException
                | IllegalArgumentException e) {
            throw ZholException.internal(ErrorCode.CANNOT_CREATE_SIGNATURE, "Cannot sign the configuration", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        return CertificateHash.of(bytes).hex();
    }

    @Override
    public String toString() {
        return "GlobalConfWriter[" + key + "]";
    }
}
