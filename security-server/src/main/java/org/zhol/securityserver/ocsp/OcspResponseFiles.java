// SPDX-License-Identifier: MIT
package org.zhol.securityserver.ocsp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.ocsp.OcspResponse;

/**
 * The on-disk copy of the cache: one file {@code <sha256-hex>.der} per certificate, holding the DER
 * of its response exactly as received. Files are replaced atomically (a temporary file, flushed, then
 * renamed), so a crash leaves the old response or the new one, never a mix.
 *
 * <p><b>Limits:</b> a file longer than {@link OcspResponse#MAX_DER_LENGTH} is not read.
 */
final class OcspResponseFiles {

    private final Path directory;

    OcspResponseFiles(Path directory) {
        this.directory = directory;
    }

    /** Creates the directory if needed. */
    void create() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot create the OCSP cache directory", e);
        }
    }

    /** The path of the file for {@code hash}. */
    Path path(CertificateHash hash) {
        return directory.resolve(hash.hex() + ".der");
    }

    /**
     * The stored bytes for {@code hash}, if there is a file; unchecked, the caller decodes and verifies.
     *
     * @throws ZholException {@code IOError} when it cannot be read or is too long
     */
    Optional<byte[]> read(CertificateHash hash) {
        try (InputStream in = Files.newInputStream(path(hash))) {
            byte[] bytes = in.readNBytes(OcspResponse.MAX_DER_LENGTH + 1);
            if (bytes.length > OcspResponse.MAX_DER_LENGTH) {
                throw ZholException.internal(ErrorCode.IO_ERROR, "Cached OCSP response file is too long", null);
            }
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot read the cached OCSP response", e);
        }
    }

    /**
     * Replaces the file for {@code hash} with {@code der}.
     *
     * @throws ZholException {@code IOError} when it cannot be written
     */
    void write(CertificateHash hash, byte[] der) {
        Path target = path(hash);
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            temporary = Files.createTempFile(directory, hash.hex() + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(der));
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot store the OCSP response", e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // A leftover temporary file is harmless: it is never read, and the next write makes a new one.
        }
    }
}
