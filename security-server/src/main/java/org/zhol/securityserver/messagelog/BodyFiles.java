// SPDX-License-Identifier: MIT
package org.zhol.securityserver.messagelog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of long bodies. A body streams into {@code spool/<random>.tmp}; when its record commits,
 * the file is synced by the committing thread, then the group commit moves it to
 * {@code bodies/<leaf / 4096>/<leaf>.body} and syncs the directories it touched before the
 * transaction that references it commits. Therefore a committed row always finds its file, whole.
 *
 * <p>After a crash, {@link #recover} removes what no committed row can reference: every spool file,
 * and body files whose leaf index is at or past the stored tree size.
 *
 * <p><b>Pitfalls:</b> only the group commit's thread places body files and removes those of records
 * that did not commit; retention removes those of cleaned records, whose leaves are never reused.
 */
public final class BodyFiles {

    /** Bodies per subdirectory. */
    static final int SHARD = 4096;

    private static final Pattern BODY = Pattern.compile("(\\d+)\\.body");

    private final Path spool;
    private final Path bodies;
    private final AtomicLong syncs = new AtomicLong();

    public BodyFiles(Path directory) {
        this.spool = directory.resolve("spool");
        this.bodies = directory.resolve("bodies");
    }

    /** Creates the directories and removes what no committed record can reference. */
    public void recover(long treeSize) throws IOException {
        Files.createDirectories(spool);
        Files.createDirectories(bodies);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spool)) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(bodies)) {
            for (Path shard : shards) {
                if (!shard.getFileName().toString().matches("\\d+")
                        || Long.parseLong(shard.getFileName().toString()) < treeSize / SHARD) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                    for (Path file : files) {
                        Matcher m = BODY.matcher(file.getFileName().toString());
                        if (m.matches() && Long.parseLong(m.group(1)) >= treeSize) {
                            Files.deleteIfExists(file);
                        }
                    }
                }
            }
        }
    }

    /** A new spool file for one body. */
    Spool spool() throws IOException {
        Path file = spool.resolve(UUID.randomUUID() + ".tmp");
        return new Spool(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    }

    /** Moves a synced spool file to its place; returns the directory to sync. */
    Path place(Path spooled, long leafIndex) throws IOException {
        Path target = file(leafIndex);
        Path shard = target.getParent();
        if (!Files.isDirectory(shard)) {
            Files.createDirectories(shard);
            sync(bodies);
        }
        Files.move(spooled, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return shard;
    }

    /** Syncs directories whose entries changed. */
    void syncDirectories(Collection<Path> directories) throws IOException {
        for (Path directory : directories) {
            sync(directory);
        }
    }

    /** Removes a placed body (its record did not commit, or was cleaned). */
    void remove(long leafIndex) throws IOException {
        Files.deleteIfExists(file(leafIndex));
    }

    /**
     * Opens a placed body.
     *
     * @throws NoSuchFileException when it is not there
     */
    public InputStream open(long leafIndex) throws IOException {
        return Files.newInputStream(file(leafIndex));
    }

    /** How many files and directories were synced since this instance was made. */
    public long syncs() {
        return syncs.get();
    }

    Path file(long leafIndex) {
        return bodies.resolve(Long.toString(leafIndex / SHARD)).resolve(leafIndex + ".body");
    }

    private void sync(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
        syncs.incrementAndGet();
    }

    /** One body being spooled; {@link #finish} syncs and closes it, {@link #discard} deletes it. */
    final class Spool {
        private final Path file;
        private final FileChannel channel;

        private Spool(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        void write(ByteBuffer bytes) throws IOException {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        }

        /** Syncs and closes the file; returns it. */
        Path finish() throws IOException {
            try (channel) {
                channel.force(true);
            }
            syncs.incrementAndGet();
            return file;
        }

        void discard() {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // recover() removes spool files left behind at the next start
            }
        }
    }
}
