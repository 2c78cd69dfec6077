// SPDX-License-Identifier: MIT
package org.zhol.protocol.log;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.merkle.MerkleTree;

/**
 * The leaf of one log record: a small canonical document naming the log, the direction and message
 * id, and the SHA-256 of every file the record covers, by its name in the evidence container. The
 * record's leaf hash is {@code SHA-256(0x00 || encode())} (RFC 9162). An auditor recomputes it from a
 * container's {@code META-INF/zhol/record.txt} after checking each listed digest against the files
 * (or, for a body dropped by metadata-only logging, against the signed manifest).
 * <pre>
 * zhol-log-entry/1
 * DEV/GOV/1234/SS1
 * request
 * message id
 * base64 SHA-256 metadata.xml
 * base64 SHA-256 header.http
 * base64 SHA-256 body
 * base64 SHA-256 META-INF/ASiCManifest.xml
 * base64 SHA-256 META-INF/signature.p7s
 * </pre>
 * The data objects come in manifest order, then the manifest and the signature, then the peer's
 * checkpoint and its signature when the message carried one.
 *
 * <p><b>Limits:</b> {@link #MAX_ENTRIES} entries, {@link #MAX_BYTES}; the message id as in
 * {@link MessageMetadata} (1–255 characters, no control characters); names as {@link EntryDigest}
 * allows, each at most once.
 *
 * @param logId     the server whose log holds the record
 * @param direction request or response
 * @param messageId the message id of the exchange
 * @param entries   the covered files, in the order above
 */
public record LogEntry(SecurityServerId logId, Direction direction, String messageId, List<EntryDigest> entries) {

    /** The first line. */
    public static final String FORMAT = "zhol-log-entry/1";
    /** Limit: the most entries. */
    public static final int MAX_ENTRIES = 300;
    /** Limit: the longest entry decoded. */
    public static final int MAX_BYTES = 64 * 1024;

    public LogEntry {
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(messageId, "messageId");
        if (messageId.isEmpty() || messageId.length() > MessageMetadata.MAX_MESSAGE_ID_LENGTH
                || messageId.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a message id has 1-255 characters and no control characters");
        }
        entries = List.copyOf(entries);
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a log entry covers 1 to " + MAX_ENTRIES + " files");
        }
        if (new HashSet<>(entries.stream().map(EntryDigest::name).toList()).size() != entries.size()) {
            throw new IllegalArgumentException("a log entry names a file twice");
        }
    }

    /** The canonical bytes, the leaf data. */
    public byte[] encode() {
        List<String> lines = new ArrayList<>(List.of(FORMAT, logId.toPath(), direction.text(), messageId));
        entries.forEach(e -> lines.add(LogText.base64(e.sha256()) + " " + e.name()));
        return LogText.bytes(lines);
    }

    /** The RFC 9162 leaf hash of this record. */
    public byte[] leafHash() {
        return MerkleTree.leafHash(encode());
    }

    /** The digest listed for {@code name}, if any. */
    public java.util.Optional<EntryDigest> entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * Reads canonical entry bytes.
     *
     * @throws org.zhol.protocol.error.ZholException {@code MalformedHashChain} when they are not one
     */
    public static LogEntry decode(byte[] bytes) {
        List<String> lines = LogText.lines(bytes, MAX_BYTES, "log entry");
        if (lines.size() < 5 || !FORMAT.equals(lines.getFirst())) {
            throw LogText.malformed("The log entry does not have the lines of " + FORMAT);
        }
        List<EntryDigest> entries = new ArrayList<>();
        for (String line : lines.subList(4, lines.size())) {
            int space = line.indexOf(' ');
            if (space < 0) {
                throw LogText.malformed("A log entry line is not 'digest name'");
            }
            byte[] digest = LogText.sha256(line.substring(0, space), "log entry digest");
            entries.add(LogText.parse("log entry", () -> new EntryDigest(line.substring(space + 1), digest)));
        }
        LogEntry entry = LogText.parse("log entry", () -> new LogEntry(SecurityServerId.parse(lines.get(1)),
                Direction.of(lines.get(2)), lines.get(3), entries));
        LogText.requireCanonical(bytes, entry.encode(), "log entry");
        return entry;
    }
}
