// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The lock a running sandbox holds on {@value #FILE} in its work directory, so that a second
 * {@code ./zhol sandbox} there is refused (or sends load to the first). The operating system drops the
 * lock when the process ends, however it ends; the file stays, holding the last holder's process id.
 */
final class SandboxLock implements AutoCloseable {

    /** The lock file's name in the work directory. */
    static final String FILE = "sandbox.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SandboxLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock on {@code dir}'s lock file (created), with this process's id written in; empty when another holds it. */
    static Optional<SandboxLock> tryAcquire(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid() + "\nsince=" + Instant.now() + "\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        return Optional.of(new SandboxLock(channel, lock));
    }

    /** The process id the holder of {@code dir}'s lock wrote, if it is readable. */
    static Optional<String> holderPid(Path dir) {
        try {
            return Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("pid=")).map(l -> l.substring(4).strip()).findFirst();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
