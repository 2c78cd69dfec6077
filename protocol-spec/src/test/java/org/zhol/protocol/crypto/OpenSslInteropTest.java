// SPDX-License-Identifier: MIT
package org.zhol.protocol.crypto;

import org.zhol.protocol.testpki.OpenSsl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.manifest.SignedMessage;
import org.zhol.protocol.manifest.VerifiedSignature;

/**
 * Interoperability with OpenSSL's {@code cms} command, both ways. OpenSSL must be installed: these
 * tests fail, never skip, without it.
 */
class OpenSslInteropTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void openSslVerifiesOurSignature(boolean rsa) throws Exception {
        SignatureFixture fixture = SignatureFixture.create(rsa);
        SignatureFixture.Message message = SignatureFixture.Message.create("m-1", Instant.now(), "{}".getBytes());
        byte[] cms = fixture.cadesSigner().sign(message.manifest(), Instant.now(),
                List.of(fixture.ocspResponse(Instant.now())));
        Files.write(dir.resolve("manifest.xml"), message.manifest());
        Files.write(dir.resolve("sig.p7s"), cms);
        writePem(dir.resolve("root.pem"), fixture.root.certificate());
        OpenSsl.Result result = OpenSsl.run(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "sig.p7s", "-content",
                "manifest.xml", "-CAfile", "root.pem", "-purpose", "any", "-out", "verified.xml");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Verification successful");
        assertThat(Files.readAllBytes(dir.resolve("verified.xml"))).isEqualTo(message.manifest());
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void weVerifyOpenSslsCadesSignature(boolean rsa) throws Exception {
        SignatureFixture fixture = SignatureFixture.create(rsa);
        SignatureFixture.Message message = SignatureFixture.Message.create("m-2", Instant.now(), "{}".getBytes());
        Files.write(dir.resolve("manifest.xml"), message.manifest());
        writePem(dir.resolve("cert.pem"), fixture.certificate);
        Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(
                        fixture.keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        OpenSsl.Result result = OpenSsl.run(dir, "cms", "-sign", "-binary", "-cades", "-md", "sha256", "-outform", "DER",
                "-in", "manifest.xml", "-signer", "cert.pem", "-inkey", "key.pem", "-out", "sig.p7s");
        assertThat(result.exitCode()).as(result.output()).isZero();
        byte[] cms = Files.readAllBytes(dir.resolve("sig.p7s"));
        VerifiedSignature verified = fixture.verifier().verify(new SignedMessage(message.manifest(),
                new MessageSignature.Single(cms), message.dataObjects()), SignatureFixture.MEMBER, Instant.now());
        assertThat(verified.signer()).isEqualTo(fixture.certificate);
        assertThat(verified.member()).isEqualTo(SignatureFixture.MEMBER);
    }

    private void writePem(Path file, Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(object);
        }
        Files.writeString(file, text.toString());
    }
}
