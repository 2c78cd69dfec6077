// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.tsp.EvidenceRecord;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.ers.ERSData;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/** RFC 4998 plumbing shared by the evidence-record classes: SHA-256, parsing, RFC 4998 hashing. */
final class Ers {

    /** Limit: the largest evidence record decoded. */
    static final int MAX_BYTES = 256 * 1024;

    private Ers() {
    }

    static DigestCalculatorProvider digests() {
        try {
            return new JcaDigestCalculatorProviderBuilder().build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static DigestCalculator sha256Calculator() {
        try {
            return digests().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static boolean isSha256(AlgorithmIdentifier id) {
        return NISTObjectIdentifiers.id_sha256.equals(id.getAlgorithm())
                && (id.getParameters() == null || DERNull.INSTANCE.equals(id.getParameters()));
    }

    /** An {@link ERSData} whose SHA-256 is already known: bodies need not be read again. */
    static ERSData digested(byte[] sha256) {
        byte[] copy = sha256.clone();
        return (calculator, previousChronicleHash) -> {
            if (previousChronicleHash != null) {
                throw new IllegalStateException("hash-tree renewal is not supported");
            }
            return copy.clone();
        };
    }

    /** One DER {@code EvidenceRecord}, exactly; anything else is {@code MalformedHashChain}. */
    static EvidenceRecord parse(byte[] der) {
        if (der.length > MAX_BYTES) {
            throw malformed("The evidence record is longer than " + MAX_BYTES + " bytes");
        }
        try {
            EvidenceRecord record = EvidenceRecord.getInstance(ASN1Primitive.fromByteArray(der));
            if (!Arrays.equals(der, record.getEncoded(ASN1Encoding.DER))) {
                throw malformed("The evidence record is not DER");
            }
            return record;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ZholException z) {
                throw z;
            }
            throw malformed("The evidence record cannot be parsed");
        }
    }

    static byte[] der(org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode in memory", e);
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** SHA-256 over {@code hashes} sorted in binary ascending order and concatenated (RFC 4998 §4.2). */
    static byte[] sortedHash(List<byte[]> hashes) {
        List<byte[]> sorted = new ArrayList<>(hashes);
        sorted.sort(Arrays::compareUnsigned);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sorted.forEach(sha256::update);
            return sha256.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static ZholException malformed(String detail) {
        return ZholException.client(ErrorCode.MALFORMED_HASH_CHAIN, detail);
    }

    static ZholException invalid(String detail) {
        return ZholException.client(ErrorCode.INVALID_HASH_CHAIN, detail);
    }
}
