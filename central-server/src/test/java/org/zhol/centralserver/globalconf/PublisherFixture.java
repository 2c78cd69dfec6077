// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.zhol.server.testing.MutableClock;
import org.zhol.centralserver.testing.TestConfigurations;
import org.zhol.centralserver.trust.keys.ConfigurationSigningKeys;
import org.zhol.centralserver.trust.keys.KeyStorePassword;
import org.zhol.centralserver.trust.keys.SigningKeysConfig;

/** A central server's publishing side on a temporary data directory, with a hand-moved clock. */
final class PublisherFixture {

    static final String INSTANCE = "DEV";
    static final Duration NOTICE = Duration.ofMinutes(10);
    static final Duration GRACE = Duration.ofMinutes(30);

    final Path data;
    final MutableClock clock = MutableClock.atNow();
    final TestConfigurations configurations = new TestConfigurations();
    final FakeConfigurationSource source = new FakeConfigurationSource(configurations.configuration(INSTANCE, "Tax Board"));
    final ConfigurationSigningKeys keys;
    private final List<URI> downloadUrls;

    PublisherFixture(Path data, List<URI> downloadUrls) {
        this.data = data;
        this.downloadUrls = downloadUrls;
        this.keys = newKeys();
    }

    /** Keys over the same directory, as a restarted server has them (not started). */
    ConfigurationSigningKeys newKeys() {
        return new ConfigurationSigningKeys(new SigningKeysConfig(data.resolve("keys"), NOTICE, GRACE,
                Duration.ofDays(3650)), INSTANCE, KeyStorePassword.of("changeit"), clock);
    }

    PublishingConfig config() {
        return new PublishingConfig(INSTANCE, data.resolve("globalconf"), Duration.ofMillis(50), downloadUrls);
    }

    GenerationStore store() {
        return new GenerationStore(config().directory(), INSTANCE);
    }

    /** A new publisher over the same data directory, as a restarted server has it. */
    ConfigurationPublisher publisher(ConfigurationSigningKeys signingKeys) {
        return new ConfigurationPublisher(config(), source, signingKeys, store(), clock);
    }

    void rename(String memberName) {
        source.set(configurations.configuration(INSTANCE, memberName));
    }
}
