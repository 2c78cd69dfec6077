// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.verify.EvidenceVerifier;
import org.zhol.protocol.verify.Verdict;

/** Containers written from logged records verify offline; every tampered file is named. */
class EvidenceContainerTest {

    private static final EvidenceFixture FIXTURE = new EvidenceFixture();
    private static final byte[] FULL = FIXTURE.container(false, true);
    private final EvidenceVerifier verifier = new EvidenceVerifier(FIXTURE.snapshot, ContainerLimits.DEFAULT);

    /** The entries of a ZIP, in order. */
    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** A ZIP of {@code entries}, {@code mimetype} stored when it comes first. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype")) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(e.getValue());
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void aFullContainerHasTheAsicLayoutAndVerifies() throws IOException {
        Map<String, byte[]> entries = entries(FULL);
        assertThat(entries.keySet()).containsExactly("mimetype", "metadata.xml", "header.http", "body",
                "META-INF/ASiCManifest.xml", "META-INF/signature.p7s", "META-INF/ASiCEvidenceRecordManifest.xml",
                "META-INF/evidencerecord.ers", "META-INF/zhol/record.txt", "META-INF/zhol/checkpoint.txt",
                "META-INF/zhol/checkpoint.p7s", "META-INF/zhol/checkpoint.ers", "META-INF/zhol/inclusion.xml",
                "META-INF/zhol/timestamp.tst", "META-INF/zhol/trust-snapshot.txt", "META-INF/zhol/peer-checkpoint.txt",
                "META-INF/zhol/peer-checkpoint.p7s");
        assertThat(new String(entries.get("mimetype"), StandardCharsets.US_ASCII))
                .isEqualTo("application/vnd.etsi.asic-e+zip");
        // mimetype is the first local header, stored, with no extra field: "PK\3\4", method 0 at offset 8,
        // name length 8 and extra length 0 at offsets 26 and 28, the name at 30.
        assertThat(FULL[8]).isZero();
        assertThat(FULL[26]).isEqualTo((byte) 8);
        assertThat(FULL[28]).isZero();
        assertThat(new String(FULL, 30, 8, StandardCharsets.US_ASCII)).isEqualTo("mimetype");
        Verdict verdict = verifier.verify("full", FULL);
        assertThat(verdict.failure()).isEmpty();
        assertThat(verdict.facts()).containsEntry("messageId", "m-1").containsEntry("direction", "request")
                .containsEntry("signer", "DEV/GOV/1234").containsEntry("log", "DEV/GOV/1234/SS1")
                .containsEntry("leafIndex", "2").containsKey("peerCheckpoint");
    }

    @Test
    void aMetadataOnlyContainerLacksTheBodyAndStillVerifies() throws IOException {
        byte[] container = FIXTURE.container(true, false);
        assertThat(entries(container)).doesNotContainKey("body").containsKey("header.http");
        Verdict verdict = verifier.verify("metadata-only", container);
        assertThat(verdict.failure()).isEmpty();
        assertThat(verdict.facts()).containsEntry("omitted", "body");
    }

    @Test
    void flippingOneByteOfEachFileIsDetectedWithTheRightReason() throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("mimetype", "container");
        expected.put("metadata.xml", "manifest");
        expected.put("header.http", "manifest");
        expected.put("body", "manifest");
        expected.put("META-INF/ASiCManifest.xml", "signature");
        expected.put("META-INF/signature.p7s", "signature|certificate");
        expected.put("META-INF/ASiCEvidenceRecordManifest.xml", "evidence-record");
        expected.put("META-INF/evidencerecord.ers", "evidence-record|timestamp");
        expected.put("META-INF/zhol/record.txt", "log-entry");
        expected.put("META-INF/zhol/checkpoint.txt", "checkpoint");
        expected.put("META-INF/zhol/checkpoint.p7s", "checkpoint");
        expected.put("META-INF/zhol/checkpoint.ers", "checkpoint");
        expected.put("META-INF/zhol/inclusion.xml", "inclusion");
        expected.put("META-INF/zhol/timestamp.tst", "timestamp");
        expected.put("META-INF/zhol/trust-snapshot.txt", "trust-snapshot");
        expected.put("META-INF/zhol/peer-checkpoint.txt", "log-entry");
        expected.put("META-INF/zhol/peer-checkpoint.p7s", "log-entry");
        Map<String, byte[]> entries = entries(FULL);
        assertThat(expected.keySet()).containsExactlyElementsOf(entries.keySet());
        List<String> report = new ArrayList<>();
        for (String name : entries.keySet()) {
            for (int position : List.of(entries.get(name).length / 2, entries.get(name).length - 2)) {
                Map<String, byte[]> tampered = new LinkedHashMap<>(entries);
                byte[] bytes = entries.get(name).clone();
                bytes[position] ^= 0x04;
                tampered.put(name, bytes);
                Verdict verdict = verifier.verify(name, zip(tampered));
                assertThat(verdict.failure()).as("%s byte %d", name, position).isPresent();
                String check = verdict.failure().get().check().code();
                report.add(name + "@" + position + " -> " + check + " " + verdict.failure().get().faultCode());
                assertThat(expected.get(name).split("\\|")).as("%s byte %d: %s", name, position, verdict.toText())
                        .contains(check);
            }
        }
        assertThat(report).hasSize(2 * entries.size());
    }

    /**
     * The verifier remembers what containers of a batch share (the signer's key and trust path, the
     * checkpoint, its evidence record, the token). Once it has passed the good container, every byte
     * of those shared files, flipped, must still fail; and the good container still passes after.
     */
    @Test
    void aVerifierThatPassedTheGoodContainerStillDetectsEveryFlippedByteOfTheSharedFiles() throws IOException {
        assertThat(verifier.verify("full", FULL).passed()).isTrue();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("META-INF/signature.p7s", "signature|certificate");
        expected.put("META-INF/evidencerecord.ers", "evidence-record|timestamp");
        expected.put("META-INF/zhol/checkpoint.txt", "checkpoint");
        expected.put("META-INF/zhol/checkpoint.p7s", "checkpoint");
        expected.put("META-INF/zhol/checkpoint.ers", "checkpoint");
        expected.put("META-INF/zhol/timestamp.tst", "timestamp");
        Map<String, byte[]> entries = entries(FULL);
        int tried = 0;
        for (Map.Entry<String, String> file : expected.entrySet()) {
            byte[] original = entries.get(file.getKey());
            for (int position = 0; position < original.length; position++) {
                Map<String, byte[]> tampered = new LinkedHashMap<>(entries);
                byte[] bytes = original.clone();
                bytes[position] ^= 0x01;
                tampered.put(file.getKey(), bytes);
                Verdict verdict = verifier.verify(file.getKey(), zip(tampered));
                assertThat(verdict.failure()).as("%s byte %d", file.getKey(), position).isPresent();
                assertThat(file.getValue().split("\\|")).as("%s byte %d: %s", file.getKey(), position,
                        verdict.toText()).contains(verdict.failure().get().check().code());
                tried++;
            }
        }
        assertThat(tried).isGreaterThan(3000);
        assertThat(verifier.verify("full again", FULL).passed()).isTrue();
    }

    @Test
    void structuralAttacksAreRefused() throws IOException {
        Map<String, byte[]> entries = entries(FULL);
        Map<String, byte[]> traversal = new LinkedHashMap<>(entries);
        traversal.put("../evil", new byte[] {1});
        assertThat(code(zip(traversal))).isEqualTo("container");
        Map<String, byte[]> absolute = new LinkedHashMap<>(entries);
        absolute.put("/etc/passwd", new byte[] {1});
        assertThat(code(zip(absolute))).isEqualTo("container");
        Map<String, byte[]> unlisted = new LinkedHashMap<>(entries);
        unlisted.put("extra.bin", new byte[] {1});
        assertThat(code(zip(unlisted))).isEqualTo("manifest");
        Map<String, byte[]> unknownMetaInf = new LinkedHashMap<>(entries);
        unknownMetaInf.put("META-INF/zhol/other.txt", new byte[] {1});
        assertThat(code(zip(unknownMetaInf))).isEqualTo("container");
        Map<String, byte[]> reordered = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (!k.equals("mimetype")) {
                reordered.put(k, v);
            }
        });
        reordered.put("mimetype", entries.get("mimetype"));
        assertThat(code(zip(reordered))).isEqualTo("container");
        Map<String, byte[]> missing = new LinkedHashMap<>(entries);
        missing.remove("META-INF/zhol/inclusion.xml");
        assertThat(code(zip(missing))).isEqualTo("container");
        Map<String, byte[]> noMetadata = new LinkedHashMap<>(entries);
        noMetadata.remove("metadata.xml");
        assertThat(code(zip(noMetadata))).isEqualTo("manifest");
        assertThat(code("not a zip".getBytes(StandardCharsets.UTF_8))).isEqualTo("container");
        // A zip bomb: one entry of 64 MiB of zeros, far beyond a tight limit.
        Map<String, byte[]> bomb = new LinkedHashMap<>(entries);
        bomb.put("body", new byte[64 << 20]);
        byte[] bombZip = zip(bomb);
        assertThat(bombZip.length).isLessThan(1 << 20);
        EvidenceVerifier tight = new EvidenceVerifier(FIXTURE.snapshot, new ContainerLimits(100, 1 << 20, 8 << 20,
                1 << 20));
        Verdict verdict = tight.verify("bomb", bombZip);
        assertThat(verdict.failure().orElseThrow().faultCode()).isEqualTo("MalformedEvidence");
        Map<String, byte[]> many = new LinkedHashMap<>(entries);
        for (int i = 0; i < 100; i++) {
            many.put("x" + i, new byte[0]);
        }
        assertThat(tight.verify("many", zip(many)).failure().orElseThrow().check().code()).isEqualTo("container");
    }

    @Test
    void anotherTrustSnapshotIsRefused() {
        EvidenceFixture other = new EvidenceFixture();
        Verdict verdict = new EvidenceVerifier(other.snapshot, ContainerLimits.DEFAULT).verify("full", FULL);
        assertThat(verdict.failure().orElseThrow().check().code()).isEqualTo("trust-snapshot");
        assertThat(TrustSnapshot.decode(FIXTURE.snapshot.encoded())).isEqualTo(FIXTURE.snapshot);
        assertThat(TrustSnapshot.decode(FIXTURE.snapshot.encoded()).configuration()).isEqualTo(FIXTURE.configuration);
        ZholException e = catchThrowableOfType(ZholException.class,
                () -> TrustSnapshot.decode("{\"format\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(e.faultCode().toString()).isEqualTo("MalformedEvidence");
    }

    private String code(byte[] container) {
        return verifier.verify("x", container).failure().orElseThrow().check().code();
    }
}
