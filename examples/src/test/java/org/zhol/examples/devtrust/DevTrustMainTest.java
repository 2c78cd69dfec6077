// SPDX-License-Identifier: MIT
package org.zhol.examples.devtrust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.cert.CertificateRole;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.tsp.TimestampQuery;
import org.zhol.protocol.tsp.TimestampVerifier;
import org.zhol.protocol.tsp.TspClient;
import org.zhol.protocol.tsp.TspClientConfig;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.ocsp.OcspCertStatus;
import org.zhol.protocol.ocsp.OcspClient;
import org.zhol.protocol.ocsp.OcspClientConfig;
import org.zhol.protocol.ocsp.OcspTarget;
import org.zhol.protocol.ocsp.OcspVerifier;

/** {@link DevTrustMain} as its own process: it starts, serves OCSP for certificates issued meanwhile, stops. */
class DevTrustMainTest {

    @TempDir
    Path dir;

    @Test
    void runsAsOneProcess() throws Exception {
        DevCa ca = new DevCa(dir);
        ca.start();
        X509Certificate cert = ca.issue(DevCaTest.csr("CN=1, O=GOV"), CertificateRole.SIGNING);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DevTrustMain.class.getName(), "--dir", dir.toString(), "--ocsp-port", "0", "--tsa-port", "0")
                .redirectErrorStream(true).start();
        try {
            URI url = null;
            URI tsaUrl = null;
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while (tsaUrl == null && (line = out.readLine()) != null) {
                if (line.startsWith("ocsp.url=")) {
                    url = URI.create(line.substring("ocsp.url=".length()));
                } else if (line.startsWith("tsa.url=")) {
                    tsaUrl = URI.create(line.substring("tsa.url=".length()));
                }
            }
            assertThat(tsaUrl).as("DevTrustMain printed its TSA URL").isNotNull();
            X509Certificate tsaCert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(Files.newInputStream(dir.resolve("tsa/tsa.pem")));
            ApprovedTsa approvedTsa = new ApprovedTsa("dev-tsa", tsaUrl, tsaCert);
            byte[] digest = TimestampQuery.sha256("evidence".getBytes(StandardCharsets.UTF_8));
            try (TspClient tsp = new TspClient(TspClientConfig.DEFAULTS,
                    new TimestampVerifier(List.of(approvedTsa), Optional.empty()))) {
                assertThat(tsp.stamp(digest).imprintDigest()).isEqualTo(digest);
            }
            assertThat(url).as("DevTrustMain printed its OCSP URL").isNotNull();
            ApprovedCa approved = new ApprovedCa("dev", ca.certificate(), List.of(),
                    List.of(new OcspResponder(url, Optional.empty())), "default");
            try (OcspClient client = new OcspClient(OcspClientConfig.DEFAULTS,
                    new OcspVerifier(TrustParameters.DEFAULTS))) {
                assertThat(client.fetch(new OcspTarget(cert, ca.certificate(), approved)).status())
                        .isEqualTo(OcspCertStatus.GOOD);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
