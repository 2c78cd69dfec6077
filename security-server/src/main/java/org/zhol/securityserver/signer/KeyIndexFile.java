// SPDX-License-Identifier: MIT
package org.zhol.securityserver.signer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;

/**
 * The token's key index, {@code keys.json}: for each key its id, role, member and label. It holds
 * no secret and no key material. Written atomically (a temporary file, then a rename).
 *
 * <pre>{"version":1,"keys":[{"keyId":"…","role":"SIGN","member":"DEV/GOV/1001","label":"…"}]}</pre>
 */
final class KeyIndexFile {

    static final String FILE_NAME = "keys.json";
    private static final int VERSION = 1;

    /** One key as the index knows it. */
    record Entry(String keyId, KeyRole role, Optional<MemberId> member, String label) {
        Entry {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(member, "member");
            Objects.requireNonNull(label, "label");
        }
    }

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    KeyIndexFile(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** The entries, in generation order; empty when there is no index yet. */
    List<Entry> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            JsonNode root = json.readTree(file.toFile());
            if (root.path("version").asInt() != VERSION) {
                throw malformed("unknown version");
            }
            List<Entry> entries = new ArrayList<>();
            for (JsonNode key : root.path("keys")) {
                String member = key.path("member").asText("");
                entries.add(new Entry(key.path("keyId").asText(), KeyRole.valueOf(key.path("role").asText()),
                        member.isEmpty() ? Optional.empty() : Optional.of(MemberId.parse(member)),
                        key.path("label").asText("")));
            }
            return List.copyOf(entries);
        } catch (JacksonException | IllegalArgumentException e) {
            throw malformed(e.getClass().getSimpleName());
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot read the key index " + file, e);
        }
    }

    /** Replaces the index with {@code entries}, atomically. */
    void write(List<Entry> entries) {
        ObjectNode root = json.createObjectNode().put("version", VERSION);
        ArrayNode keys = root.putArray("keys");
        for (Entry entry : entries) {
            ObjectNode key = keys.addObject().put("keyId", entry.keyId()).put("role", entry.role().name());
            entry.member().ifPresent(member -> key.put("member", String.join("/", member.parts())));
            key.put("label", entry.label());
        }
        try {
            writeAtomically(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot write the key index " + file, e);
        }
    }

    /** Writes {@code bytes} to {@code target} through a temporary file in the same directory. */
    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, target.getFileName() + ".", ".tmp");
        try {
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private ZholException malformed(String why) {
        return ZholException.internal(ErrorCode.MALFORMED_SERVER_CONF,
                "The key index " + file + " is malformed: " + why, null);
    }
}
