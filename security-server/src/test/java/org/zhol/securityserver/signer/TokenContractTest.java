// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.crypto.CadesSigner;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.crypto.SignatureAlgorithm;
import org.zhol.protocol.crypto.SigningCredentials;
import org.zhol.protocol.crypto.SigningKey;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;

/**
 * The behaviour every {@link Token} shares; {@link SoftwareTokenTest} and {@link Pkcs11TokenTest}
 * run it against their token.
 */
abstract class TokenContractTest {

    static final MemberId MEMBER = MemberId.parse("DEV/GOV/1001");
    static final MemberId OTHER_MEMBER = MemberId.parse("DEV/GOV/1002");
    static final X500Name SIGN_SUBJECT = new X500Name("CN=Tax Board, O=GOV, serialNumber=DEV/GOV/1001");
    static final X500Name AUTH_SUBJECT = new X500Name("CN=ss1.tax.dev, O=GOV");
    static final byte[] CONTENT = "<manifest/>".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path state;

    final CsrCa ca = new CsrCa();
    private final List<Token> opened = new ArrayList<>();

    /** A new, locked token object over {@code directory} (the same storage on every call). */
    abstract Token newToken(Path directory, KeyAlgorithm algorithm);

    abstract PinSource pin();

    abstract PinSource wrongPin();

    Token openToken() {
        return openToken(KeyAlgorithm.EC_P256);
    }

    Token openToken(KeyAlgorithm algorithm) {
        Token token = newToken(state, algorithm);
        opened.add(token);
        token.open(pin());
        return token;
    }

    @AfterEach
    void closeTokens() {
        opened.forEach(Token::close);
    }

    @Test
    void generatesAuthAndSignKeysWithCsrsSignedByTheKey() throws Exception {
        Token token = openToken();
        KeyInfo auth = token.generateKey(KeyRole.AUTH, Optional.empty(), "tls");
        KeyInfo sign = token.generateKey(KeyRole.SIGN, Optional.of(MEMBER), "tax board");

        assertThat(token.keys()).containsExactly(auth, sign);
        assertThat(sign.member()).contains(MEMBER);
        assertThat(sign.algorithm()).isEqualTo(SignatureAlgorithm.ECDSA_P256_SHA256);
        assertThat(sign.certificates()).isEmpty();
        assertThat(sign.tokenId()).isEqualTo(token.id());
        assertThat(CsrCa.verifiedKey(token.certificationRequest(auth.keyId(), AUTH_SUBJECT)))
                .isEqualTo(auth.publicKey());
        assertThat(CsrCa.verifiedKey(token.certificationRequest(sign.keyId(), SIGN_SUBJECT)))
                .isEqualTo(sign.publicKey());
    }

    @Test
    void importsIssuedCertificatesAndMakesCadesSignaturesThatVerify() throws Exception {
        Token token = openToken();
        KeyInfo sign = token.generateKey(KeyRole.SIGN, Optional.of(MEMBER), "");
        X509Certificate certificate = ca.sign(token.certificationRequest(sign.keyId(), SIGN_SUBJECT));

        KeyInfo imported = token.importCertificate(certificate.getEncoded());

        assertThat(imported.certificates()).containsExactly(certificate);
        assertThat(token.keys()).containsExactly(imported);
        SigningKey key = token.signingKey(sign.keyId());
        byte[] cms = new CadesSigner(new SigningCredentials(key, certificate, List.of(ca.root.certificate())))
                .sign(CONTENT, Instant.now(), List.of());
        assertThat(new CadesVerifier().verify(cms, CONTENT).signer()).isEqualTo(certificate);
    }

    @Test
    void rawSignaturesAndDigestSignaturesVerifyWithTheJdk() throws Exception {
        Token token = openToken();
        KeyInfo sign = token.generateKey(KeyRole.SIGN, Optional.of(MEMBER), "");
        assertVerifies(sign, token.signingKey(sign.keyId()).sign(CONTENT));
        assertVerifies(sign, token.signDigest(sign.keyId(), sha256(CONTENT)));
    }

    @Test
    void rsaKeysSignDigestsAsSha256WithRsa() throws Exception {
        Token token = openToken(KeyAlgorithm.RSA_2048);
        KeyInfo auth = token.generateKey(KeyRole.AUTH, Optional.empty(), "");
        assertThat(auth.algorithm()).isEqualTo(SignatureAlgorithm.RSA_SHA256);
        byte[] overData = token.signingKey(auth.keyId()).sign(CONTENT);
        assertVerifies(auth, overData);
        // PKCS#1 v1.5 is deterministic: the digest path must give the very same bytes.
        assertThat(token.signDigest(auth.keyId(), sha256(CONTENT))).isEqualTo(overData);
        assertThat(CsrCa.verifiedKey(token.certificationRequest(auth.keyId(), AUTH_SUBJECT)))
                .isEqualTo(auth.publicKey());
    }

    @Test
    void aWrongPinIsAClearErrorAndTheTokenStaysLocked() {
        Token first = openToken();
        KeyInfo key = first.generateKey(KeyRole.AUTH, Optional.empty(), "");
        first.close();

        Token token = newToken(state, KeyAlgorithm.EC_P256);
        opened.add(token);
        assertThatThrownBy(() -> token.open(wrongPin())).isInstanceOfSatisfying(ZholException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PIN_INCORRECT);
            assertThat(e.detail()).contains("PIN").contains("locked");
        });
        assertCode(token::keys, ErrorCode.TOKEN_NOT_ACTIVE);
        assertCode(() -> token.generateKey(KeyRole.AUTH, Optional.empty(), ""), ErrorCode.TOKEN_NOT_ACTIVE);
        assertCode(() -> token.signingKey(key.keyId()), ErrorCode.TOKEN_NOT_ACTIVE);
        assertCode(() -> token.signDigest(key.keyId(), new byte[32]), ErrorCode.TOKEN_NOT_ACTIVE);

        token.open(pin());
        assertThat(token.keys()).extracting(KeyInfo::keyId).containsExactly(key.keyId());
    }

    @Test
    void afterARestartKeysAndCertificatesComeBackFromLocalStorage() throws Exception {
        Token before = openToken();
        KeyInfo auth = before.generateKey(KeyRole.AUTH, Optional.empty(), "tls");
        KeyInfo sign = before.generateKey(KeyRole.SIGN, Optional.of(MEMBER), "tax board");
        X509Certificate authCert = ca.auth(before.certificationRequest(auth.keyId(), AUTH_SUBJECT));
        before.importCertificate(authCert.getEncoded());
        List<KeyInfo> keys = before.keys();
        before.close();
        assertCode(before::keys, ErrorCode.TOKEN_NOT_ACTIVE);

        Token after = openToken();

        assertThat(after.keys()).containsExactlyElementsOf(keys);
        assertThat(after.keys().get(0).certificates()).containsExactly(authCert);
        assertThat(after.keys().get(1).certificates()).isEmpty();
        assertVerifies(sign, after.signingKey(sign.keyId()).sign(CONTENT));
    }

    @Test
    void aClosedTokenStopsKeysHandedOutBefore() {
        Token token = openToken();
        KeyInfo sign = token.generateKey(KeyRole.SIGN, Optional.of(MEMBER), "");
        SigningKey key = token.signingKey(sign.keyId());
        token.close();
        assertCode(() -> key.sign(CONTENT), ErrorCode.TOKEN_NOT_ACTIVE);
    }

    @Test
    void certificatesWithTheWrongUsageAreRejected() throws Exception {
        Token token = openToken();
        KeyInfo auth = token.generateKey(KeyRole.AUTH, Optional.empty(), "");
        KeyInfo sign = token.generateKey(KeyRole.SIGN, Optional.of(MEMBER), "");
        byte[] signCertForAuthKey = ca.sign(token.certificationRequest(auth.keyId(), SIGN_SUBJECT)).getEncoded();
        byte[] authCertForSignKey = ca.auth(token.certificationRequest(sign.keyId(), SIGN_SUBJECT)).getEncoded();

        assertCode(() -> token.importCertificate(signCertForAuthKey), ErrorCode.WRONG_CERT_USAGE);
        assertCode(() -> token.importCertificate(authCertForSignKey), ErrorCode.WRONG_CERT_USAGE);
        assertThat(token.keys()).allSatisfy(key -> assertThat(key.certificates()).isEmpty());
    }

    @Test
    void aSignCertificateMustNameTheKeysMember() throws Exception {
        Token token = openToken();
        KeyInfo sign = token.generateKey(KeyRole.SIGN, Optional.of(OTHER_MEMBER), "");
        byte[] forMember = ca.sign(token.certificationRequest(sign.keyId(), SIGN_SUBJECT)).getEncoded();
        byte[] noMember = ca.sign(token.certificationRequest(sign.keyId(), new X500Name("C=EE"))).getEncoded();

        assertCode(() -> token.importCertificate(forMember), ErrorCode.INCORRECT_CERTIFICATE);
        assertCode(() -> token.importCertificate(noMember), ErrorCode.CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE);
    }

    @Test
    void unknownKeysAndStrangeInputsAreClearErrors() throws Exception {
        Token token = openToken();
        KeyInfo sign = token.generateKey(KeyRole.SIGN, Optional.of(MEMBER), "");
        byte[] foreign = ca.sign(CsrCa.foreignCsr(SIGN_SUBJECT)).getEncoded();

        assertCode(() -> token.signingKey("nope"), ErrorCode.KEY_NOT_FOUND);
        assertCode(() -> token.signDigest("nope", new byte[32]), ErrorCode.KEY_NOT_FOUND);
        assertCode(() -> token.certificationRequest("nope", SIGN_SUBJECT), ErrorCode.KEY_NOT_FOUND);
        assertCode(() -> token.importCertificate(foreign), ErrorCode.KEY_NOT_FOUND);
        assertCode(() -> token.importCertificate(new byte[] {0x30, 0x03}), ErrorCode.INCORRECT_CERTIFICATE);
        assertCode(() -> token.signDigest(sign.keyId(), new byte[20]), ErrorCode.CANNOT_SIGN);
        assertCode(() -> token.generateKey(KeyRole.SIGN, Optional.empty(), ""), ErrorCode.BAD_REQUEST);
        assertCode(() -> token.generateKey(KeyRole.AUTH, Optional.of(MEMBER), ""), ErrorCode.BAD_REQUEST);
    }

    static void assertVerifies(KeyInfo key, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance(key.algorithm().jcaName());
        verifier.initVerify(key.publicKey());
        verifier.update(CONTENT);
        assertThat(verifier.verify(signature)).as("the JDK verifies the signature").isTrue();
    }

    static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.code()).as(e.detail()).isEqualTo(code));
    }
}
