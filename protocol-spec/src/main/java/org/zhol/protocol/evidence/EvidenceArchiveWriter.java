// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.log.EntryDigest;

/**
 * Writes an evidence archive (evidence.md §4): a ZIP with the stored {@code mimetype}
 * {@value ArchiveIndex#MIME_TYPE}, then {@code archive.txt} ({@link ArchiveIndex}), then the containers. Each archive names the SHA-256 of the archive file before it,
 * so a log's archives form a chain.
 */
public final class EvidenceArchiveWriter {

    /** One container to archive: its name ({@code containers/….asice}) and where its bytes come from. */
    public record Entry(String name, BodySource content) {

        public Entry {
            EntryDigest.requireSafeName(name);
            java.util.Objects.requireNonNull(content, "content");
        }
    }

    private EvidenceArchiveWriter() {
    }

    /**
     * Writes the archive number {@code sequence} of {@code logId} to {@code out} (not closed). Each
     * content is read twice: once for the index's digest, once to copy it.
     *
     * @param previous the SHA-256 of the previous archive file; empty for sequence 1
     * @return the index written
     */
    public static ArchiveIndex write(SecurityServerId logId, long sequence, Optional<byte[]> previous,
            List<Entry> containers, OutputStream out) throws IOException {
        List<EntryDigest> digests = new ArrayList<>();
        for (Entry entry : containers) {
            MessageDigest sha256 = sha256();
            try (InputStream in = new DigestInputStream(entry.content().open(), sha256)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            digests.add(new EntryDigest(entry.name(), sha256.digest()));
        }
        ArchiveIndex index = new ArchiveIndex(logId, sequence, previous, digests);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        stored(zip, AsicLayout.MIMETYPE, ArchiveIndex.MIME_TYPE.getBytes(StandardCharsets.US_ASCII));
        ZipEntry indexEntry = new ZipEntry(ArchiveIndex.NAME);
        zip.putNextEntry(indexEntry);
        zip.write(index.encode());
        zip.closeEntry();
        for (Entry entry : containers) {
            zip.putNextEntry(new ZipEntry(entry.name()));
            try (InputStream in = entry.content().open()) {
                in.transferTo(zip);
            }
            zip.closeEntry();
        }
        zip.finish();
        return index;
    }

    private static void stored(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
