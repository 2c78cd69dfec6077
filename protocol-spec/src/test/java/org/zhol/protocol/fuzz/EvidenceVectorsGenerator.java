// SPDX-License-Identifier: MIT
package org.zhol.protocol.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.zhol.protocol.evidence.EvidenceFixture;
import org.zhol.protocol.evidence.LoggedMessage;

/**
 * Regenerates {@code src/test/resources/vectors/evidence/} (run once, by hand:
 * {@code ./zhol test -pl protocol-spec -Dtest=EvidenceVectorsGenerator -Dzhol.generateVectors=true}):
 * ASiC-E containers as a security server exports them, and the trust snapshot they verify with. They seed
 * {@link AsicFuzzTest}. Keys are fresh and thrown away.
 */
class EvidenceVectorsGenerator {

    @Test
    @EnabledIfSystemProperty(named = "zhol.generateVectors", matches = "true")
    void generate() throws Exception {
        Path dir = Files.createDirectories(Path.of("src/test/resources/vectors/evidence"));
        EvidenceFixture fixture = new EvidenceFixture();
        Files.write(dir.resolve("request.asice"), fixture.container(false, false));
        Files.write(dir.resolve("request-metadata-only.asice"), fixture.container(true, false));
        Files.write(dir.resolve("request-peer-checkpoint.asice"), fixture.container(false, true));
        LoggedMessage only = fixture.request("single", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), false,
                Optional.empty());
        Files.write(dir.resolve("single-record-batch.asice"), fixture.logAndExport(List.of(only)).getFirst());
        Files.write(dir.resolve("trust-snapshot.json"), fixture.snapshot.encoded());
    }
}
