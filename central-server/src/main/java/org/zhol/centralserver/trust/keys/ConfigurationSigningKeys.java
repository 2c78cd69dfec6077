// SPDX-License-Identifier: MIT
package org.zhol.centralserver.trust.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ConfigurationSigningKey;
import org.zhol.server.files.DurableFiles;

/**
 * The central server's configuration signing keys, kept in the keys directory: each key in
 * {@code config-signing-N.p12} (PKCS#12, EC P-256, self-signed certificate, protected by the
 * {@link KeyStorePassword}), and their states in {@code config-signing.json}.
 *
 * <p>Rotation: {@link #generateFuture()} makes the next key, which every generation then publishes;
 * after {@link SigningKeysConfig#futureNotice()}, {@link #activateFuture()} makes it sign, and the old key
 * stays published as RETIRED for {@link SigningKeysConfig#retiredGrace()} (or until
 * {@link #endGracePeriod()}).
 *
 * <p>Life cycle: the constructor only assigns. Call {@link #initialise()} once when the server is set up
 * (the {@code init} command), and {@link #start()} when it starts. All methods are thread-safe; every
 * change is written (key file first, then the state file, each atomically) before it takes effect.
 */
public final class ConfigurationSigningKeys {

    /** The state file in the keys directory. */
    public static final String STATE_FILE = "config-signing.json";

    private final SigningKeysConfig config;
    private final String instance;
    private final Clock clock;
    private final SigningKeyFiles files;
    private SigningKeyRing ring;
    private ConfigurationSigningKey activeKey;

    /**
     * @param config   where the keys are and the rotation timing
     * @param instance the instance, for the certificates' names
     * @param password protects the PKCS#12 files
     * @param clock    the time of state changes and certificates
     */
    public ConfigurationSigningKeys(SigningKeysConfig config, String instance, KeyStorePassword password,
            Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.files = new SigningKeyFiles(config.directory(), Objects.requireNonNull(password, "password"));
    }

    /** Whether {@link #initialise()} has run in this keys directory. */
    public boolean isInitialised() {
        return Files.exists(stateFile());
    }

    /**
     * Makes the first key, ACTIVE, and starts using it.
     *
     * @throws ZholException {@code InvalidRequest} when the directory already has keys
     */
    public synchronized SigningKeyEntry initialise() {
        if (isInitialised()) {
            throw ZholException.client(ErrorCode.INVALID_REQUEST, "The configuration signing keys are already set up");
        }
        Instant now = now();
        ConfigurationSigningKey key = files.generate(instance, 1, now, config.certificateValidity());
        SigningKeyEntry entry = new SigningKeyEntry(1, SigningKeyState.ACTIVE, key.certificate(), now, now,
                Optional.empty());
        files.store(entry.fileName(), key);
        commit(new SigningKeyRing(List.of(entry)), key);
        return entry;
    }

    /**
     * Loads the key state and the active key.
     *
     * @throws ZholException {@code KeyNotFound} when not initialised or a key file is missing,
     *                       {@code LoginFailed} for a wrong password, {@code IOError} for a corrupt state
     */
    public synchronized void start() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(stateFile());
        } catch (NoSuchFileException e) {
            throw ZholException.internal(ErrorCode.KEY_NOT_FOUND,
                    "There is no configuration signing key in " + config.directory() + "; run init first", e);
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot read " + stateFile(), e);
        }
        SigningKeyRing loaded;
        try {
            loaded = SigningKeyStateCodec.decode(bytes);
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Corrupt key state " + stateFile(), e);
        }
        SigningKeyEntry active = loaded.active();
        activeKey = files.load(active.fileName(), active.certificate());
        ring = loaded;
    }

    /**
     * Makes the next key, FUTURE: published from the next generation on, not yet used to sign.
     *
     * @throws ZholException {@code InvalidRequest} when there is a future key already
     */
    public synchronized SigningKeyEntry generateFuture() {
        SigningKeyRing current = started();
        current.requireNoFuture();
        Instant now = now();
        int number = current.nextNumber();
        ConfigurationSigningKey key = files.generate(instance, number, now, config.certificateValidity());
        SigningKeyEntry entry = new SigningKeyEntry(number, SigningKeyState.FUTURE, key.certificate(), now, now,
                Optional.empty());
        files.store(entry.fileName(), key);
        commit(current.withFuture(entry), activeKey);
        return entry;
    }

    /**
     * Makes the FUTURE key ACTIVE; the old active key becomes RETIRED and stays published for the grace
     * period.
     *
     * @throws ZholException {@code InvalidRequest} when there is no future key, or it has been published
     *                       for less than {@link SigningKeysConfig#futureNotice()}
     */
    public synchronized SigningKeyEntry activateFuture() {
        SigningKeyRing next = started().activated(now(), config.futureNotice(), config.retiredGrace());
        SigningKeyEntry active = next.active();
        ConfigurationSigningKey key = files.load(active.fileName(), active.certificate());
        commit(next, key);
        return active;
    }

    /** Stops publishing every retired key now, before its grace period would end. */
    public synchronized void endGracePeriod() {
        commit(started().graceEnded(now()), activeKey);
    }

    /** The ACTIVE key, which signs. */
    public synchronized ConfigurationSigningKey signingKey() {
        started();
        return activeKey;
    }

    /**
     * The certificates to advertise now, in anchors and in each generation: the active one first, then
     * the future one, then retired ones still in their grace period.
     */
    public synchronized List<X509Certificate> publishedSigners() {
        return started().published(clock.instant());
    }

    /** Every key and its state, for the admin API. */
    public synchronized List<SigningKeyEntry> keys() {
        return started().keys();
    }

    private SigningKeyRing started() {
        if (ring == null) {
            throw new IllegalStateException("the configuration signing keys are not started");
        }
        return ring;
    }

    private void commit(SigningKeyRing next, ConfigurationSigningKey key) {
        try {
            DurableFiles.write(stateFile(), SigningKeyStateCodec.encode(next));
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot write " + stateFile(), e);
        }
        ring = next;
        activeKey = key;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private Path stateFile() {
        return config.directory().resolve(STATE_FILE);
    }

    @Override
    public String toString() {
        return "ConfigurationSigningKeys[" + config.directory() + "]";
    }
}
