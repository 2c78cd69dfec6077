// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.EffectiveAnchor;
import org.zhol.protocol.globalconf.GlobalConfFiles;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.server.files.DurableFiles;

/**
 * The last good configuration on disk, with the trust it left behind, so that a restart needs no network
 * and a key rotation survives it:
 *
 * <pre>
 * {directory}/current                               the generation in use: decimal + LF, written last
 * {directory}/generations/{N}/directory.json        as downloaded
 * {directory}/generations/{N}/directory.json.p7s    as downloaded
 * {directory}/generations/{N}/parts/{name}          each part, by its name in the directory
 * {directory}/generations/{N}/trust.json            the effective anchor after verifying N
 * </pre>
 *
 * Every file is written with {@link DurableFiles} and {@code current} last, so after a crash it names a
 * complete generation. The newest {@value #KEPT_GENERATIONS} generations are kept. Nothing here is
 * trusted: the client verifies what it loads.
 */
final class ConfigurationCache {

    /** How many generations stay on disk. */
    static final int KEPT_GENERATIONS = 3;
    static final String CURRENT = "current";
    static final String GENERATIONS = "generations";
    static final String PARTS = "parts";
    static final String TRUST = "trust.json";
    private static final int TRUST_FORMAT = 1;

    private final Path directory;
    private final ObjectMapper json = new ObjectMapper();

    ConfigurationCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * A stored generation.
     *
     * @param files           its files
     * @param trust           the effective anchor after it was verified
     * @param installedSha256 the SHA-256 of the installed anchor file that {@code trust} grew from
     */
    record Cached(GlobalConfFiles files, EffectiveAnchor trust, String installedSha256) {
    }

    /**
     * The generation that {@code current} names; empty when there is none.
     *
     * @throws ZholException {@code IOError} or {@code MalformedGlobalConf} when the stored files are damaged
     */
    Optional<Cached> load() {
        Path currentFile = directory.resolve(CURRENT);
        if (!Files.exists(currentFile)) {
            return Optional.empty();
        }
        try {
            byte[] current = Files.readAllBytes(currentFile);
            Path dir = generationDir(GlobalConfLayout.decodeLatest(current));
            Map<String, byte[]> parts = new HashMap<>();
            for (Path part : list(dir.resolve(PARTS))) {
                parts.put(part.getFileName().toString(), Files.readAllBytes(part));
            }
            GlobalConfFiles files = new GlobalConfFiles(Files.readAllBytes(dir.resolve(GlobalConfLayout.DIRECTORY_FILE)),
                    Files.readAllBytes(dir.resolve(GlobalConfLayout.SIGNATURE_FILE)), parts);
            JsonNode trust = json.readTree(Files.readAllBytes(dir.resolve(TRUST)));
            return Optional.of(new Cached(files, decodeTrust(trust), trust.path("installedAnchorSha256").asText()));
        } catch (IOException e) {
            throw ConfigurationFaults.storage("read the cached configuration", e);
        }
    }

    /**
     * Stores generation {@code generation} and makes it current, then prunes old generations.
     *
     * @throws ZholException {@code IOError} when it cannot be written; the previous generation stays current
     */
    void store(long generation, GlobalConfFiles files, EffectiveAnchor trust, String installedSha256) {
        Path dir = generationDir(generation);
        try {
            deleteTree(dir);
            for (Map.Entry<String, byte[]> part : files.parts().entrySet()) {
                DurableFiles.write(dir.resolve(PARTS).resolve(part.getKey()), part.getValue());
            }
            DurableFiles.write(dir.resolve(GlobalConfLayout.SIGNATURE_FILE), files.signature());
            DurableFiles.write(dir.resolve(GlobalConfLayout.DIRECTORY_FILE), files.directory());
            DurableFiles.write(dir.resolve(TRUST), encodeTrust(trust, installedSha256));
            DurableFiles.write(directory.resolve(CURRENT), GlobalConfLayout.encodeLatest(generation));
        } catch (IOException e) {
            throw ConfigurationFaults.storage("store configuration generation " + generation, e);
        }
        prune(generation);
    }

    private Path generationDir(long generation) {
        return directory.resolve(GENERATIONS).resolve(Long.toString(generation));
    }

    private byte[] encodeTrust(EffectiveAnchor trust, String installedSha256) throws IOException {
        ObjectNode root = json.createObjectNode().put("formatVersion", TRUST_FORMAT)
                .put("installedAnchorSha256", installedSha256).put("generation", trust.generation());
        root.set("anchor", json.readTree(ConfigurationAnchorCodec.encode(trust.anchor())));
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }

    private EffectiveAnchor decodeTrust(JsonNode root) throws JsonProcessingException {
        if (root.path("formatVersion").asInt() != TRUST_FORMAT || !root.path("generation").canConvertToLong()
                || !root.path("anchor").isObject()) {
            throw ConfigurationFaults.malformed("The cached trust file is damaged");
        }
        return new EffectiveAnchor(ConfigurationAnchorCodec.decode(json.writeValueAsBytes(root.get("anchor"))),
                root.get("generation").asLong());
    }

    /** Deletes every generation but the newest {@link #KEPT_GENERATIONS}, never {@code current}. */
    private void prune(long current) {
        try {
            List<Long> generations;
            try (Stream<Path> dirs = Files.list(directory.resolve(GENERATIONS))) {
                generations = dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("[1-9][0-9]{0,18}"))
                        .map(Long::parseLong).sorted(Comparator.reverseOrder()).toList();
            }
            for (long old : generations.subList(Math.min(KEPT_GENERATIONS, generations.size()), generations.size())) {
                if (old != current) {
                    deleteTree(generationDir(old));
                }
            }
        } catch (IOException e) {
            // Old generations only take space; the next store tries again.
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith(DurableFiles.TEMP_PREFIX)).toList();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
