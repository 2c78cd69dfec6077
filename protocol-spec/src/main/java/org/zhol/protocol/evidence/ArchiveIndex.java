// SPDX-License-Identifier: MIT
package org.zhol.protocol.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.log.EntryDigest;

/**
 * The index of an evidence archive ({@code archive.txt}, evidence.md §4): whose log, the archive's
 * sequence number, the SHA-256 of the previous archive file (none for the first), and each container's
 * name and SHA-256, in the order they follow in the archive.
 * <pre>
 * zhol-evidence-archive/1
 * DEV/GOV/1234/SS1
 * 2
 * base64 SHA-256 of archive 1, or "none" for sequence 1
 * base64 SHA-256 containers/000001-request.asice
 * </pre>
 *
 * <p><b>Limits:</b> {@link #MAX_CONTAINERS} containers; names as {@link EntryDigest} allows, under
 * {@code containers/}, ending in {@code .asice}.
 *
 * @param logId      the log the records come from
 * @param sequence   1 for the first archive of the log, then one more each time
 * @param previous   the SHA-256 of the previous archive file; empty exactly when {@code sequence} is 1
 * @param containers the containers' names and digests
 */
public record ArchiveIndex(SecurityServerId logId, long sequence, Optional<byte[]> previous,
        List<EntryDigest> containers) {

    /** The first line. */
    public static final String FORMAT = "zhol-evidence-archive/1";
    /** The archive's {@code mimetype}. */
    public static final String MIME_TYPE = "application/vnd.zhol.evidence-archive+zip";
    /** The index's entry name, right after {@code mimetype}. */
    public static final String NAME = "archive.txt";
    /** Limit: the most containers in one archive. */
    public static final int MAX_CONTAINERS = 100_000;

    public ArchiveIndex {
        Objects.requireNonNull(logId, "logId");
        if (sequence < 1 || previous.isPresent() == (sequence == 1)) {
            throw new IllegalArgumentException("the first archive, and only it, has no previous one");
        }
        previous = previous.map(p -> new EntryDigest(NAME, p).sha256());
        containers = List.copyOf(containers);
        if (containers.isEmpty() || containers.size() > MAX_CONTAINERS) {
            throw new IllegalArgumentException("an archive holds 1 to " + MAX_CONTAINERS + " containers");
        }
        for (EntryDigest c : containers) {
            if (!c.name().startsWith("containers/") || !c.name().endsWith(".asice")) {
                throw new IllegalArgumentException("a container is named containers/….asice");
            }
        }
        if (new HashSet<>(containers.stream().map(EntryDigest::name).toList()).size() != containers.size()) {
            throw new IllegalArgumentException("a container is listed twice");
        }
    }

    @Override
    public Optional<byte[]> previous() {
        return previous.map(byte[]::clone);
    }

    /** The canonical bytes. */
    public byte[] encode() {
        StringBuilder out = new StringBuilder();
        out.append(FORMAT).append('\n').append(logId.toPath()).append('\n').append(sequence).append('\n')
                .append(previous.map(p -> Base64.getEncoder().encodeToString(p)).orElse("none")).append('\n');
        containers.forEach(c -> out.append(Base64.getEncoder().encodeToString(c.sha256())).append(' ')
                .append(c.name()).append('\n'));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads canonical index bytes.
     *
     * @throws ZholException {@code MalformedEvidence} when they are not one
     */
    public static ArchiveIndex decode(byte[] bytes) {
        try {
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (!text.endsWith("\n")) {
                throw new IllegalArgumentException("no final newline");
            }
            String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
            if (lines.length < 5 || !FORMAT.equals(lines[0])) {
                throw new IllegalArgumentException("not an archive index");
            }
            List<EntryDigest> containers = new ArrayList<>();
            for (int i = 4; i < lines.length; i++) {
                int space = lines[i].indexOf(' ');
                containers.add(new EntryDigest(lines[i].substring(space + 1),
                        Base64.getDecoder().decode(lines[i].substring(0, space))));
            }
            Optional<byte[]> previous = lines[3].equals("none") ? Optional.empty()
                    : Optional.of(Base64.getDecoder().decode(lines[3]));
            ArchiveIndex index = new ArchiveIndex(SecurityServerId.parse(lines[1]), Long.parseLong(lines[2]),
                    previous, containers);
            if (!java.util.Arrays.equals(bytes, index.encode())) {
                throw new IllegalArgumentException("not canonical");
            }
            return index;
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ZholException e) {
            throw ZholException.client(ErrorCode.MALFORMED_EVIDENCE, "The archive index is malformed");
        }
    }
}
