// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.zhol.protocol.globalconf.GlobalConfDirectory;
import org.zhol.protocol.globalconf.GlobalConfDirectoryCodec;
import org.zhol.protocol.globalconf.GlobalConfFiles;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.protocol.globalconf.PartReference;
import org.zhol.protocol.id.IdentifierRules;
import org.zhol.server.files.DurableFiles;

/**
 * Published generations on disk, laid out as they are served ({@link GlobalConfLayout}):
 * {@code {root}/v1/{instance}/{generation}/{directory.json, directory.json.p7s, parts…}} and
 * {@code {root}/v1/{instance}/latest}. Every file is written atomically and forced to disk; the parts
 * first, then the signature and the directory, and the {@code latest} pointer last, so after a crash
 * {@code latest} always names a complete generation.
 *
 * <p>The newest {@link #RETAINED_GENERATIONS} generations are kept; older ones are deleted.
 *
 * <p><b>Pitfalls:</b> one writer (the publisher) at a time; readers may read concurrently.
 */
public final class GenerationStore {

    /** How many generations stay on disk (and downloadable). */
    public static final int RETAINED_GENERATIONS = 10;

    private final Path instanceDir;
    private final String instance;

    /**
     * @param root     the store's directory, e.g. {@code data/globalconf}
     * @param instance the instance
     */
    public GenerationStore(Path root, String instance) {
        this.instance = IdentifierRules.code("xRoadInstance", instance);
        this.instanceDir = root.resolve(GlobalConfLayout.VERSION).resolve(instance);
    }

    public String instance() {
        return instance;
    }

    /** The generation that {@code latest} names, if any was published. */
    public OptionalLong latest() throws IOException {
        try {
            return OptionalLong.of(GlobalConfLayout.decodeLatest(
                    Files.readAllBytes(instanceDir.resolve(GlobalConfLayout.LATEST_FILE))));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    /** The highest generation on disk, complete or not, or 0: a new generation must be higher. */
    public long highestGeneration() throws IOException {
        return Math.max(latest().orElse(0), generationsOnDisk().stream().mapToLong(Long::longValue).max().orElse(0));
    }

    /**
     * Stores generation {@code generation} and makes it the latest.
     *
     * @throws IllegalArgumentException unless {@code generation} is higher than every stored one
     */
    public void store(long generation, GlobalConfFiles files) throws IOException {
        if (generation <= highestGeneration()) {
            throw new IllegalArgumentException("generation " + generation + " is not higher than the stored ones");
        }
        GlobalConfDirectory directory = GlobalConfDirectoryCodec.decode(files.directory());
        Path dir = generationDir(generation);
        Map<String, byte[]> parts = files.parts();
        for (PartReference part : directory.parts()) {
            DurableFiles.write(dir.resolve(part.location()), parts.get(part.name()));
        }
        DurableFiles.write(dir.resolve(GlobalConfLayout.SIGNATURE_FILE), files.signature());
        DurableFiles.write(dir.resolve(GlobalConfLayout.DIRECTORY_FILE), files.directory());
        DurableFiles.forceDirectory(instanceDir);
        DurableFiles.write(instanceDir.resolve(GlobalConfLayout.LATEST_FILE), GlobalConfLayout.encodeLatest(generation));
        prune(generation);
    }

    /** The files of a stored generation, or empty if it is not (or no longer) on disk. */
    public Optional<GlobalConfFiles> read(long generation) throws IOException {
        Optional<byte[]> directoryBytes = file(generation, GlobalConfLayout.DIRECTORY_FILE);
        Optional<byte[]> signature = file(generation, GlobalConfLayout.SIGNATURE_FILE);
        if (directoryBytes.isEmpty() || signature.isEmpty()) {
            return Optional.empty();
        }
        Map<String, byte[]> parts = new HashMap<>();
        for (PartReference part : GlobalConfDirectoryCodec.decode(directoryBytes.get()).parts()) {
            Optional<byte[]> bytes = file(generation, part.location());
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            parts.put(part.name(), bytes.get());
        }
        return Optional.of(new GlobalConfFiles(directoryBytes.get(), signature.get(), parts));
    }

    /**
     * One stored file of a generation: the directory, its signature or a part location. Anything that is
     * not a single safe path segment (see {@link PartReference#SEGMENT_PATTERN}) is never found.
     */
    public Optional<byte[]> file(long generation, String name) throws IOException {
        if (generation < 1 || !name.matches(PartReference.SEGMENT_PATTERN)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(generationDir(generation).resolve(name)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private Path generationDir(long generation) {
        return instanceDir.resolve(Long.toString(generation));
    }

    private List<Long> generationsOnDisk() throws IOException {
        List<Long> generations = new ArrayList<>();
        if (!Files.isDirectory(instanceDir)) {
            return generations;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(instanceDir, "[1-9]*")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry) && name.matches("[1-9][0-9]{0,17}")) {
                    generations.add(Long.parseLong(name));
                }
            }
        }
        return generations;
    }

    private void prune(long newest) throws IOException {
        for (long generation : generationsOnDisk()) {
            if (generation <= newest - RETAINED_GENERATIONS) {
                try (Stream<Path> files = Files.walk(generationDir(generation))) {
                    for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "GenerationStore[" + instanceDir + "]";
    }
}
