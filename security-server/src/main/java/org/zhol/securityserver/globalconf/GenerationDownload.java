// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.protocol.globalconf.EffectiveAnchor;
import org.zhol.protocol.globalconf.GlobalConfDirectory;
import org.zhol.protocol.globalconf.GlobalConfDirectoryCodec;
import org.zhol.protocol.globalconf.GlobalConfFiles;
import org.zhol.protocol.globalconf.GlobalConfLayout;
import org.zhol.protocol.globalconf.GlobalConfPartsCodec;
import org.zhol.protocol.globalconf.GlobalConfVerifier;
import org.zhol.protocol.globalconf.PartReference;

/**
 * One download of the newest generation, in the order of the protocol spec (§4): {@code latest}; if it is
 * newer than the generation held, the directory and its signature, verified before anything else is
 * fetched; then the parts it lists; then the whole generation. The anchor's download URLs are tried in
 * order until one gives an answer that verifies.
 */
final class GenerationDownload {

    private final ConfigurationDownloader downloader;

    GenerationDownload(ConfigurationDownloader downloader) {
        this.downloader = Objects.requireNonNull(downloader, "downloader");
    }

    /**
     * A newer generation, verified.
     *
     * @param files  its files, as downloaded
     * @param update the verified configuration and the trust to use from now on
     */
    record Downloaded(GlobalConfFiles files, EffectiveAnchor.Update update) {
    }

    /**
     * The newest generation if it is newer than {@code held}; empty when {@code held} is the newest.
     *
     * @throws ZholException the failure of the most telling URL (see {@link #mostTelling}); the rollback
     *                       code {@link ConfigurationFaults#ROLLBACK} when a URL offers an older generation
     */
    Optional<Downloaded> download(EffectiveAnchor trust, long held, Instant now) {
        List<ZholException> failures = new ArrayList<>();
        for (URI url : trust.anchor().downloadUrls()) {
            try {
                return downloadFrom(url, trust, held, now);
            } catch (ZholException e) {
                failures.add(e);
            }
        }
        throw mostTelling(failures);
    }

    /**
     * The directory that an anchor's first answering URL names as the newest, verified with that anchor's
     * signers alone (no rotation), for the import of the anchor.
     */
    GlobalConfDirectory verifyLatest(ConfigurationAnchor anchor, Instant now) {
        List<ZholException> failures = new ArrayList<>();
        for (URI url : anchor.downloadUrls()) {
            try {
                long latest = latest(url, anchor.instance());
                byte[] directory = directory(url, anchor.instance(), latest);
                byte[] signature = signature(url, anchor.instance(), latest);
                return new GlobalConfVerifier(anchor).verifyDirectory(directory, signature, now);
            } catch (ZholException e) {
                failures.add(e);
            }
        }
        throw mostTelling(failures);
    }

    private Optional<Downloaded> downloadFrom(URI url, EffectiveAnchor trust, long held, Instant now) {
        String instance = trust.anchor().instance();
        long latest = latest(url, instance);
        if (latest == held) {
            return Optional.empty();
        }
        if (latest < held) {
            throw ConfigurationFaults.rollback(latest, held);
        }
        byte[] directory = directory(url, instance, latest);
        byte[] signature = signature(url, instance, latest);
        GlobalConfDirectory verified = trust.verifyDirectory(directory, signature, now);
        if (verified.generation() != latest) {
            throw ConfigurationFaults.malformed("The directory published as generation " + latest
                    + " is signed as generation " + verified.generation());
        }
        Map<String, byte[]> parts = new HashMap<>();
        for (PartReference part : verified.parts()) {
            parts.put(part.name(), get(url, GlobalConfLayout.filePath(instance, latest, part.location()),
                    GlobalConfPartsCodec.MAX_PART_LENGTH));
        }
        GlobalConfFiles files = new GlobalConfFiles(directory, signature, parts);
        return Optional.of(new Downloaded(files, trust.verifyAndUpdate(files, now)));
    }

    private long latest(URI url, String instance) {
        return GlobalConfLayout.decodeLatest(get(url, GlobalConfLayout.latestPath(instance),
                GlobalConfLayout.MAX_LATEST_LENGTH));
    }

    private byte[] directory(URI url, String instance, long generation) {
        return get(url, GlobalConfLayout.filePath(instance, generation, GlobalConfLayout.DIRECTORY_FILE),
                GlobalConfDirectoryCodec.MAX_LENGTH);
    }

    private byte[] signature(URI url, String instance, long generation) {
        return get(url, GlobalConfLayout.filePath(instance, generation, GlobalConfLayout.SIGNATURE_FILE),
                GlobalConfVerifier.MAX_SIGNATURE_LENGTH);
    }

    private byte[] get(URI url, String path, int maxBytes) {
        return downloader.get(GlobalConfLayout.resolve(url, path), maxBytes);
    }

    /**
     * The first failure that is not about reaching a server (a bad signature says more than a node that is
     * down), else the first failure.
     */
    static ZholException mostTelling(List<ZholException> failures) {
        return failures.stream().filter(e -> e.code() != ErrorCode.NETWORK_ERROR && e.code() != ErrorCode.HTTP_ERROR)
                .findFirst().orElse(failures.getFirst());
    }
}
