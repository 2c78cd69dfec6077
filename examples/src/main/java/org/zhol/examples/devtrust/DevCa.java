// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * A development CA whose state lives in one directory (see {@link DevCaStore} for the files). On
 * {@link #start()} it creates its EC P-256 key, its self-signed certificate and a delegated OCSP
 * responder credential, or reloads them; issued certificates and revocations survive a restart.
 *
 * <p>Issued certificates are valid from an hour before issuance (for clock skew) for one year, with
 * key usages by role: authentication gets digitalSignature and keyEncipherment with the clientAuth
 * and serverAuth extended usages; signing gets nonRepudiation.
 *
 * <p>Thread-safe: the OCSP responder reads while an operator issues or revokes.
 */
public final class DevCa implements AutoCloseable {

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration RESPONDER_VALIDITY = Duration.ofDays(730);
    private static final Duration LEAF_VALIDITY = Duration.ofDays(365);
    private static final Duration BACKDATE = Duration.ofHours(1);

    private final DevCaStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<BigInteger, IssuedCertificate> issued = new LinkedHashMap<>();
    private DevCredential ca;
    private DevCredential responder;

    /** A CA in {@code directory}; nothing is read or written until {@link #start()}. */
    public DevCa(Path directory, Clock clock) {
        this.store = new DevCaStore(Objects.requireNonNull(directory, "directory"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DevCa(Path directory) {
        this(directory, Clock.systemUTC());
    }

    /** Loads the CA from its directory, creating it there on first use. */
    public synchronized void start() {
        ca = store.loadCredential(store.caFile()).orElseGet(this::createCa);
        store.savePem("ca.pem", ca.certificate());
        responder = store.loadCredential(store.responderFile())
                .filter(r -> r.certificate().getNotAfter().toInstant().isAfter(clock.instant()))
                .orElseGet(this::createResponder);
        issued.clear();
        for (IssuedCertificate cert : store.loadIssued()) {
            issued.put(cert.certificate().getSerialNumber(), cert);
        }
    }

    /** The CA certificate: the top certificate of an {@code ApprovedCa}. */
    public synchronized X509Certificate certificate() {
        return started().certificate();
    }

    /** The delegated OCSP responder's key and certificate (OCSPSigning, ocsp-nocheck). */
    public synchronized DevCredential ocspResponder() {
        started();
        return responder;
    }

    /** Issues a certificate for a CSR, with the CSR's subject. */
    public X509Certificate issue(PKCS10CertificationRequest csr, CertificateRole role) {
        return issue(csr, role, csr.getSubject());
    }

    /**
     * Issues a certificate for the key of {@code csr}, named {@code subject}.
     *
     * @throws ZholException {@link ErrorCode#INVALID_SIGNATURE_VALUE} when the CSR's self-signature
     *                       does not verify
     */
    public synchronized X509Certificate issue(PKCS10CertificationRequest csr, CertificateRole role, X500Name subject) {
        started();
        mergeStored();
        PublicKey key = checkCsr(csr);
        BigInteger serial;
        do {
            serial = new BigInteger(63, random).add(BigInteger.ONE);
        } while (issued.containsKey(serial));
        X509Certificate cert = sign(subject, key, serial, clock.instant().minus(BACKDATE), LEAF_VALIDITY, role);
        store.saveCertificate(cert);
        issued.put(serial, new IssuedCertificate(cert, role, Optional.empty()));
        store.saveIssued(issued.values());
        return cert;
    }

    /** Revokes {@code serial} now. */
    public void revoke(BigInteger serial, int reason) {
        revoke(serial, reason, clock.instant());
    }

    /**
     * Revokes an issued certificate. Revoking one that is revoked already keeps the first revocation.
     *
     * @throws ZholException {@link ErrorCode#CERT_NOT_FOUND} when this CA did not issue {@code serial}
     */
    public synchronized void revoke(BigInteger serial, int reason, Instant time) {
        started();
        mergeStored();
        IssuedCertificate cert = issued.get(serial);
        if (cert == null) {
            throw ZholException.client(ErrorCode.CERT_NOT_FOUND, "No certificate with serial " + serial.toString(16));
        }
        if (cert.revocation().isEmpty()) {
            issued.put(serial, cert.revoked(new IssuedCertificate.Revocation(time.truncatedTo(ChronoUnit.SECONDS),
                    reason)));
            store.saveIssued(issued.values());
        }
    }

    /**
     * The certificate this CA issued under {@code serial}, if any. A serial not known here is looked up in
     * the directory again, where {@code devtrust certify} in another process may have added it.
     */
    public synchronized Optional<IssuedCertificate> find(BigInteger serial) {
        started();
        if (!issued.containsKey(serial)) {
            mergeStored();
        }
        return Optional.ofNullable(issued.get(serial));
    }

    /** Takes in what another process (devtrust certify) wrote to the directory, before this one writes it again. */
    private void mergeStored() {
        for (IssuedCertificate cert : store.loadIssued()) {
            issued.putIfAbsent(cert.certificate().getSerialNumber(), cert);
        }
    }

    /** Every certificate issued, in order of issuance. */
    public synchronized List<IssuedCertificate> issued() {
        started();
        return List.copyOf(new ArrayList<>(issued.values()));
    }

    /** Nothing to release: every change is written when it is made. */
    @Override
    public void close() {
    }

    private DevCredential started() {
        if (ca == null) {
            throw new IllegalStateException("DevCa is not started");
        }
        return ca;
    }

    private DevCredential createCa() {
        KeyPair keys = ecKeys();
        X500Name name = new X500Name("CN=Zhol Dev CA, O=Zhol Sandbox");
        X509Certificate cert = build(name, name, keys.getPublic(), keys.getPrivate(), null, BigInteger.ONE,
                clock.instant().minus(BACKDATE), CA_VALIDITY, Purpose.CA);
        DevCredential credential = new DevCredential(cert, keys.getPrivate());
        store.saveCredential(store.caFile(), credential, List.of(cert));
        return credential;
    }

    private DevCredential createResponder() {
        KeyPair keys = ecKeys();
        X509Certificate cert = build(new X500Name("CN=Zhol Dev OCSP Responder, O=Zhol Sandbox"),
                issuerName(), keys.getPublic(), ca.privateKey(), ca.certificate(),
                new BigInteger(63, random).add(BigInteger.ONE), clock.instant().minus(BACKDATE), RESPONDER_VALIDITY,
                Purpose.OCSP);
        DevCredential credential = new DevCredential(cert, keys.getPrivate());
        store.saveCredential(store.responderFile(), credential, List.of(cert, ca.certificate()));
        return credential;
    }

    private X509Certificate sign(X500Name subject, PublicKey key, BigInteger serial, Instant notBefore,
            Duration validity, CertificateRole role) {
        Purpose purpose = role == CertificateRole.AUTHENTICATION ? Purpose.AUTHENTICATION : Purpose.SIGNING;
        return build(subject, issuerName(), key, ca.privateKey(), ca.certificate(), serial, notBefore, validity,
                purpose);
    }

    private X500Name issuerName() {
        return X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
    }

    private enum Purpose { CA, AUTHENTICATION, SIGNING, OCSP }

    private static X509Certificate build(X500Name subject, X500Name issuer, PublicKey key,
            java.security.PrivateKey signer, X509Certificate issuerCert, BigInteger serial, Instant notBefore,
            Duration validity, Purpose purpose) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
                    Date.from(notBefore.truncatedTo(ChronoUnit.SECONDS)),
                    Date.from(notBefore.plus(validity).truncatedTo(ChronoUnit.SECONDS)), subject, key);
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(purpose == Purpose.CA));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(key));
            builder.addExtension(Extension.authorityKeyIdentifier, false, issuerCert == null
                    ? ext.createAuthorityKeyIdentifier(key) : ext.createAuthorityKeyIdentifier(issuerCert));
            switch (purpose) {
                case CA -> builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                case AUTHENTICATION -> {
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}));
                }
                case SIGNING -> builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.nonRepudiation));
                case OCSP -> {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                    builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
                }
                default -> throw new IllegalStateException(purpose.name());
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
        } catch (Exception e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot issue a certificate", e);
        }
    }

    private static PublicKey checkCsr(PKCS10CertificationRequest csr) {
        try {
            JcaPKCS10CertificationRequest request = new JcaPKCS10CertificationRequest(csr);
            if (request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.getSubjectPublicKeyInfo()))) {
                return request.getPublicKey();
            }
        } catch (Exception e) {
            throw new ZholException(org.zhol.protocol.error.FaultCode.of(ErrorCode.INVALID_SIGNATURE_VALUE),
                    Origin.CLIENT, "The CSR cannot be verified", e);
        }
        throw ZholException.client(ErrorCode.INVALID_SIGNATURE_VALUE, "The CSR's signature is not valid");
    }

    private KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "No EC key generator", e);
        }
    }
}
