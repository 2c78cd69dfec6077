// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.testpki.OpenSsl;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.protocol.tsp.TimestampVerifier;

/**
 * OpenSSL, as an independent tool, accepts the standard parts of an evidence container: the CAdES
 * signature over the manifest and over the checkpoint ({@code openssl cms -verify}), and the RFC 3161
 * token over the batch root that the checkpoint's evidence record leads to ({@code openssl ts -verify}).
 * A missing {@code openssl} fails these tests.
 */
class EvidenceOpensslInteropTest {

    private static final EvidenceFixture FIXTURE = new EvidenceFixture();

    @TempDir
    Path dir;

    @Test
    void opensslAcceptsTheSignaturesAndTheCheckpointToken() throws Exception {
        Map<String, byte[]> entries = EvidenceContainerTest.entries(FIXTURE.container(false, false));
        for (String name : List.of("META-INF/ASiCManifest.xml", "META-INF/signature.p7s", "META-INF/zhol/checkpoint.txt",
                "META-INF/zhol/checkpoint.p7s", "META-INF/zhol/timestamp.tst")) {
            Files.write(dir.resolve(name.substring(name.lastIndexOf('/') + 1)), entries.get(name));
        }
        Files.writeString(dir.resolve("root.pem"), TestPki.pem(FIXTURE.client.root.certificate()));
        Files.writeString(dir.resolve("tsaroot.pem"), TestPki.pem(FIXTURE.tsa.root().certificate()));
        Files.writeString(dir.resolve("tsa.pem"), TestPki.pem(FIXTURE.tsa.certificate()));

        OpenSsl.Result manifest = OpenSsl.run(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in",
                "signature.p7s", "-content", "ASiCManifest.xml", "-CAfile", "root.pem", "-purpose", "any",
                "-out", "/dev/null");
        assertThat(manifest.exitCode()).as(manifest.output()).isZero();
        assertThat(manifest.output()).contains("Verification successful");

        OpenSsl.Result checkpoint = OpenSsl.run(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in",
                "checkpoint.p7s", "-content", "checkpoint.txt", "-CAfile", "root.pem", "-purpose", "any",
                "-out", "/dev/null");
        assertThat(checkpoint.exitCode()).as(checkpoint.output()).isZero();

        byte[] root = new EvidenceRecordVerifier(new TimestampVerifier(List.of(FIXTURE.tsa.approved()),
                Optional.empty())).verify(entries.get("META-INF/zhol/checkpoint.ers"), EvidenceBatch.checkpointHashes(
                        new SignedCheckpoint(entries.get("META-INF/zhol/checkpoint.txt"),
                                entries.get("META-INF/zhol/checkpoint.p7s")))).root();
        OpenSsl.Result token = OpenSsl.run(dir, "ts", "-verify", "-digest", HexFormat.of().formatHex(root),
                "-in", "timestamp.tst", "-token_in", "-CAfile", "tsaroot.pem", "-untrusted", "tsa.pem");
        assertThat(token.exitCode()).as(token.output()).isZero();
        assertThat(token.output()).contains("Verification: OK");

        byte[] other = root.clone();
        other[0] ^= 1;
        OpenSsl.Result wrong = OpenSsl.run(dir, "ts", "-verify", "-digest", HexFormat.of().formatHex(other),
                "-in", "timestamp.tst", "-token_in", "-CAfile", "tsaroot.pem", "-untrusted", "tsa.pem");
        assertThat(wrong.exitCode()).isNotZero();
    }
}
