// SPDX-License-Identifier: MIT
package org.zhol.protocol.tsp;

import org.zhol.protocol.testpki.OpenSsl;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.testpki.TestPki;

/** Our verifier accepts what {@code openssl ts -reply} issues, and OpenSSL accepts our queries. */
class TspOpensslInteropTest {

    private static final String POLICY = "2.999.3161.42";

    @Test
    void verifiesATokenIssuedByOpensslTs(@TempDir Path dir) throws Exception {
        TestPki.Issuer root = TestPki.rootCa("CN=OpenSSL TSA Root");
        KeyPair keys = TestPki.ecKeyPair();
        X509Certificate cert = root.issue(TestPki.Spec.tsa("CN=OpenSSL TSA"), keys.getPublic());
        Files.writeString(dir.resolve("tsa.pem"), TestPki.pem(cert));
        Files.writeString(dir.resolve("tsa-key.pem"), TestPki.pem(keys.getPrivate()));
        Files.writeString(dir.resolve("tsaroot.pem"), TestPki.pem(root.certificate()));
        Files.writeString(dir.resolve("serial"), "2A\n");
        Files.writeString(dir.resolve("ts.cnf"), config(dir));

        byte[] data = "stamp me".getBytes(StandardCharsets.UTF_8);
        TimestampQuery query = TimestampQuery.withNonce(TimestampQuery.sha256(data), new SecureRandom());
        Files.write(dir.resolve("query.tsq"), query.encoded());

        OpenSsl.Result reply = OpenSsl.run(dir, "ts", "-reply", "-config", "ts.cnf", "-queryfile", "query.tsq",
                "-out", "reply.tsr");
        assertThat(reply.exitCode()).as(reply.output()).isZero();

        TimestampResponse response = TimestampResponse.decode(Files.readAllBytes(dir.resolve("reply.tsr")));
        TimestampVerifier verifier = new TimestampVerifier(
                List.of(new ApprovedTsa("openssl", URI.create("http://127.0.0.1:1/"), cert)), Optional.of(POLICY));
        verifier.verify(response, query);
        TimestampToken token = response.token().orElseThrow();
        assertThat(token.serialNumber().intValue()).as("openssl uses the next serial").isEqualTo(0x2B);
        assertThat(token.policy()).isEqualTo(POLICY);

        // and OpenSSL agrees with itself on the same files, as a sanity check of the setup
        Files.write(dir.resolve("data.bin"), data);
        OpenSsl.Result check = OpenSsl.run(dir, "ts", "-verify", "-data", "data.bin", "-in", "reply.tsr",
                "-CAfile", "tsaroot.pem", "-untrusted", "tsa.pem");
        assertThat(check.output()).contains("Verification: OK");
    }

    private static String config(Path dir) {
        return """
                [ tsa ]
                default_tsa = zhol_test_tsa

                [ zhol_test_tsa ]
                dir = %s
                serial = $dir/serial
                crypto_device = builtin
                signer_cert = $dir/tsa.pem
                certs = $dir/tsa.pem
                signer_key = $dir/tsa-key.pem
                signer_digest = sha256
                default_policy = %s
                digests = sha256, sha384, sha512
                accuracy = secs:1
                ordering = yes
                tsa_name = yes
                ess_cert_id_chain = no
                ess_cert_id_alg = sha256
                """.formatted(dir.toAbsolutePath(), POLICY);
    }
}
