// SPDX-License-Identifier: MIT
package org.zhol.bench;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.zhol.protocol.crypto.CryptoProvider;
import org.zhol.protocol.crypto.SigningCredentials;
import org.zhol.protocol.crypto.SoftwareSigningKey;
import org.zhol.protocol.manifest.DataObject;
import org.zhol.protocol.manifest.Manifest;
import org.zhol.protocol.manifest.ManifestCodec;

/** A self-signed signer and sample manifests for the signature benchmarks; nothing is stored. */
public final class BenchSigner {

    /** The key types measured. */
    public enum KeyType { EC_P256, RSA_2048 }

    private BenchSigner() {
    }

    static KeyPair keyPair(KeyType type) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type == KeyType.EC_P256 ? "EC" : "RSA");
        if (type == KeyType.EC_P256) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    static SigningCredentials credentials(KeyPair keys, CryptoProvider provider) throws Exception {
        X500Name name = new X500Name("CN=Bench, serialNumber=DEV/GOV/1234");
        Instant now = Instant.now();
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                name, BigInteger.ONE, Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
                name, keys.getPublic()).build(new JcaContentSignerBuilder(
                        keys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA")
                        .build(keys.getPrivate())));
        return new SigningCredentials(new SoftwareSigningKey(keys.getPrivate(), provider), cert, List.of());
    }

    /** A typical manifest: metadata, header and body digests. */
    static byte[] manifest(int seed) {
        List<DataObject> objects = new ArrayList<>();
        objects.add(DataObject.of("metadata.xml", "application/xml", ("metadata " + seed).getBytes()));
        objects.add(DataObject.of("header.http", "message/http", ("header " + seed).getBytes()));
        objects.add(DataObject.of("body", "application/json", ("body " + seed).getBytes()));
        return ManifestCodec.encode(Manifest.of(objects));
    }

    static CryptoProvider provider(String name) {
        return "BC".equals(name) ? CryptoProvider.bouncyCastle() : CryptoProvider.jdk();
    }
}
