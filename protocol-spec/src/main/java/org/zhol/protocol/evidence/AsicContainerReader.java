// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.log.EntryDigest;

/**
 * Reads ZIP-based evidence files strictly (evidence.md §2.3): the first entry is {@code mimetype},
 * stored, with the expected content; every name is a safe relative name ({@link
 * EntryDigest#requireSafeName}: no absolute path, no {@code ..}, no backslash, no directory entry) and
 * unique; the entry count, each inflated entry and their total stay within {@link ContainerLimits}.
 * Every entry is digested while it streams; entries up to {@link ContainerLimits#maxKeptBytes()} are
 * kept, and every {@code META-INF/} entry must be. A file that ends early is {@code MalformedEvidence}; only
 * another failure to read is {@code IOError}.
 *
 * <p><b>Pitfalls:</b> the checks apply to the local headers that a streaming reader sees; a ZIP whose
 * central directory disagrees with them is read as its local headers say.
 */
public final class AsicContainerReader {

    private final ContainerLimits limits;

    public AsicContainerReader(ContainerLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Reads a container whose {@code mimetype} must be {@code expectedMimeType}. */
    public AsicContainer read(InputStream in, String expectedMimeType) {
        List<String> names = new ArrayList<>();
        Map<String, byte[]> digests = new LinkedHashMap<>();
        Map<String, byte[]> kept = new LinkedHashMap<>();
        long total = 0;
        byte[] buffer = new byte[16384];
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                checkName(name, names);
                if (names.size() == limits.maxEntries()) {
                    throw malformed("The file has more than " + limits.maxEntries() + " entries");
                }
                if (names.isEmpty() && (!AsicLayout.MIMETYPE.equals(name) || entry.getMethod() != ZipEntry.STORED
                        || entry.getExtra() != null && entry.getExtra().length > 0)) {
                    throw malformed("The first entry is not a stored mimetype without extra fields");
                }
                names.add(name);
                MessageDigest sha256 = sha256();
                ByteArrayOutputStream keep = new ByteArrayOutputStream(entry.getSize() > 0
                        && entry.getSize() <= limits.maxKeptBytes() ? (int) entry.getSize() : 1024);
                long size = 0;
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    size += n;
                    total += n;
                    if (size > limits.maxEntryBytes() || total > limits.maxTotalBytes()) {
                        throw malformed("Entry " + name + " inflates beyond the limits");
                    }
                    sha256.update(buffer, 0, n);
                    if (size <= limits.maxKeptBytes()) {
                        keep.write(buffer, 0, n);
                    }
                }
                digests.put(name, sha256.digest());
                if (size <= limits.maxKeptBytes()) {
                    kept.put(name, keep.toByteArray());
                } else if (name.startsWith("META-INF/") || name.equals(AsicLayout.MIMETYPE)) {
                    throw malformed("Entry " + name + " is larger than " + limits.maxKeptBytes() + " bytes");
                }
            }
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            // EOFException: the ZIP (or an entry's deflate stream) ends early, a malformed file, not an I/O fault.
            throw new ZholException(org.zhol.protocol.error.FaultCode.of(ErrorCode.MALFORMED_EVIDENCE),
                    org.zhol.protocol.error.Origin.CLIENT, "The file is not a well-formed ZIP", e);
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot read the file", e);
        }
        if (names.isEmpty()) {
            throw malformed("The file is not a ZIP or is empty");
        }
        if (!expectedMimeType.equals(new String(kept.get(AsicLayout.MIMETYPE), StandardCharsets.US_ASCII))) {
            throw malformed("The mimetype is not " + expectedMimeType);
        }
        return new AsicContainer(names, digests, kept);
    }

    /** Reads a container held in memory. */
    public AsicContainer read(byte[] bytes, String expectedMimeType) {
        return read(new ByteArrayInputStream(bytes), expectedMimeType);
    }

    private static void checkName(String name, List<String> seen) {
        try {
            EntryDigest.requireSafeName(name);
        } catch (IllegalArgumentException e) {
            throw malformed("Unsafe entry name '" + org.zhol.protocol.error.Faults.excerpt(name) + "'");
        }
        if (seen.contains(name)) {
            throw malformed("Entry " + name + " appears twice");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static ZholException malformed(String detail) {
        return ZholException.client(ErrorCode.MALFORMED_EVIDENCE, detail);
    }
}
