// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.server.files.DurableFiles;

/**
 * The installed configuration anchor: {@code {directory}/anchor.json}, exactly as imported. Only
 * {@link AnchorImport} writes it, atomically; the {@link ConfigurationClient} reads it at every refresh and
 * starts over from it when it changed.
 *
 * <p>No threads and no state: every call does its own I/O.
 */
public final class AnchorStore {

    /** The file name of the installed anchor. */
    public static final String FILE = "anchor.json";

    private final Path directory;

    /** @param directory the configuration client's directory ({@link ConfigurationClientConfig#directory()}) */
    public AnchorStore(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /**
     * An anchor as installed, with the SHA-256 of its file, which tells when it was replaced.
     *
     * @param anchor the decoded anchor
     * @param sha256 lower-case hex SHA-256 of the file's bytes
     */
    public record Installed(ConfigurationAnchor anchor, String sha256) {

        public Installed {
            Objects.requireNonNull(anchor, "anchor");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * The installed anchor, if one was imported.
     *
     * @throws org.zhol.protocol.error.ZholException {@code IOError} when it cannot be read,
     *                                               {@code MalformedGlobalConf} when the file was damaged
     */
    public Optional<Installed> installed() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ConfigurationFaults.storage("read the installed anchor", e);
        }
        return Optional.of(new Installed(ConfigurationAnchorCodec.decode(bytes), sha256(bytes)));
    }

    /** Replaces the installed anchor by {@code bytes}, atomically. Callers validate first. */
    void save(byte[] bytes) {
        try {
            DurableFiles.write(file(), bytes);
        } catch (IOException e) {
            throw ConfigurationFaults.storage("store the anchor", e);
        }
    }

    /** {@code anchor.json} under the directory. */
    public Path file() {
        return directory.resolve(FILE);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    @Override
    public String toString() {
        return "AnchorStore[" + file() + "]";
    }
}
