// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.zhol.centralserver.CentralContext;
import org.zhol.centralserver.trust.keys.ConfigurationSigningKeys;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/**
 * One run of the publishing part: the keys and the generation store from the first hook, the publisher
 * and the anchor export once {@link #start} knows the download URLs.
 */
final class PublishingRun {

    private final CentralContext context;
    private final ConfigurationSigningKeys keys;
    private final GenerationStore store;
    private final Clock clock;
    private ConfigurationPublisher publisher;
    private AnchorExport anchors;

    PublishingRun(CentralContext context, ConfigurationSigningKeys keys, GenerationStore store, Clock clock) {
        this.context = context;
        this.keys = keys;
        this.store = store;
        this.clock = clock;
    }

    CentralContext context() {
        return context;
    }

    ConfigurationSigningKeys keys() {
        return keys;
    }

    GenerationStore store() {
        return store;
    }

    /** Starts the keys, then the publisher; the handle stops the publisher. */
    synchronized AutoCloseable start(List<URI> downloadUrls, Duration interval) {
        keys.start();
        PublishingConfig config = new PublishingConfig(context.config().instance(),
                context.config().dataPath().resolve("globalconf"), interval, downloadUrls);
        anchors = new AnchorExport(config, keys);
        publisher = new ConfigurationPublisher(config, context.configuration(), keys, store, clock).start();
        ConfigurationPublisher started = publisher;
        return started::close;
    }

    synchronized ConfigurationPublisher publisher() {
        if (publisher == null) {
            throw notStarted();
        }
        return publisher;
    }

    synchronized AnchorExport anchors() {
        if (anchors == null) {
            throw notStarted();
        }
        return anchors;
    }

    private static ZholException notStarted() {
        return ZholException.internal(ErrorCode.INTERNAL_ERROR, "The configuration publisher is not started yet",
                null);
    }
}
