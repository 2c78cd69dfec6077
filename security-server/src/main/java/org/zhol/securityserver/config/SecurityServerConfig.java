// SPDX-License-Identifier: MIT
package org.zhol.securityserver.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.IdentifierRules;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.securityserver.registration.CentralEndpoint;
import org.zhol.securityserver.registration.RegistrationConfig;
import org.zhol.securityserver.signer.KeyAlgorithm;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.securityserver.signer.TokenConfig;
import org.zhol.server.config.ListenerConfig;
import org.zhol.server.store.DatabaseConfig;

/**
 * The whole configuration of one security server, loaded from one file by
 * {@link org.zhol.server.config.ConfigLoader} over {@link #DEFAULTS}. Every option is listed with its
 * default in {@code security-server/README.md}.
 *
 * @param owner      the member that owns this server, e.g. {@code DEV/GOV/1001}; null until {@code init}
 * @param serverCode this server's code, e.g. {@code SS1}; null until {@code init}
 * @param dataDir    where the server keeps its files (the H2 database by default); default {@code data}
 * @param database   where the server keeps its state; default an H2 file in {@code dataDir}
 * @param listeners  where the server listens
 * @param anchorFile the configuration anchor, or null until one is imported
 * @param token      the token that holds the keys; default the software token in {@code <dataDir>/keys}
 * @param pin        where the token PIN comes from (never the PIN itself); default the {@code ZHOL_PIN}
 *                   environment variable
 * @param registration how the registration flows reach the central server
 * @param exchange   the message exchange's limits and timeouts; default {@link ExchangeConfig#DEFAULTS}
 * @param messageLog the message log; default {@link MessageLogSection#DEFAULTS}
 */
public record SecurityServerConfig(MemberId owner, String serverCode, Path dataDir, StorageConfig database,
        Listeners listeners, Path anchorFile, TokenSection token, PinSection pin, RegistrationSection registration,
        ExchangeConfig exchange, MessageLogSection messageLog) {

    /** The configuration when nothing says otherwise. */
    public static final SecurityServerConfig DEFAULTS =
            new SecurityServerConfig(null, null, null, null, null, null, null, null, null, null, null);

    /** The file name of the H2 database in {@code dataDir}. */
    public static final String H2_NAME = "security-server";

    public SecurityServerConfig {
        if (serverCode != null) {
            IdentifierRules.code("serverCode", serverCode);
        }
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        database = database == null ? StorageConfig.DEFAULTS : database;
        listeners = listeners == null ? Listeners.DEFAULTS : listeners;
        token = token == null ? TokenSection.DEFAULTS : token;
        pin = pin == null ? PinSection.DEFAULTS : pin;
        registration = registration == null ? RegistrationSection.DEFAULTS : registration;
        exchange = exchange == null ? ExchangeConfig.DEFAULTS : exchange;
        messageLog = messageLog == null ? MessageLogSection.DEFAULTS : messageLog;
    }

    /**
     * This server's identifier.
     *
     * @throws ZholException {@code MalformedServerConf} when the owner or server code is not set
     */
    public SecurityServerId serverId() {
        if (owner == null || serverCode == null) {
            throw new ZholException(FaultCode.of(ErrorCode.MALFORMED_SERVER_CONF), Origin.THIS_SERVER,
                    "The owner and serverCode are not configured; run 'init' first", null);
        }
        return new SecurityServerId(owner, serverCode);
    }

    /** The database to open: the configured JDBC URL, or the H2 file {@value #H2_NAME} in {@code dataDir}. */
    public DatabaseConfig databaseConfig() {
        return database.jdbcUrl() == null
                ? DatabaseConfig.h2File(dataDir, H2_NAME)
                : new DatabaseConfig(database.jdbcUrl(), database.user(), database.password(), database.maxPoolSize());
    }

    /** This configuration with another owner, server code and data directory, as {@code init} sets them. */
    public SecurityServerConfig withIdentity(MemberId newOwner, String newServerCode, Path newDataDir) {
        return new SecurityServerConfig(newOwner, newServerCode, newDataDir, database, listeners, anchorFile, token,
                pin, registration, exchange, messageLog);
    }

    /** This configuration with other listeners, e.g. port 0 everywhere in tests. */
    public SecurityServerConfig withListeners(Listeners newListeners) {
        return new SecurityServerConfig(owner, serverCode, dataDir, database, newListeners, anchorFile, token, pin,
                registration, exchange, messageLog);
    }

    /** This configuration with another database section. */
    public SecurityServerConfig withDatabase(StorageConfig newDatabase) {
        return new SecurityServerConfig(owner, serverCode, dataDir, newDatabase, listeners, anchorFile, token, pin,
                registration, exchange, messageLog);
    }

    /** This configuration with another token section. */
    public SecurityServerConfig withToken(TokenSection newToken) {
        return new SecurityServerConfig(owner, serverCode, dataDir, database, listeners, anchorFile, newToken, pin,
                registration, exchange, messageLog);
    }

    /** This configuration with another PIN section. */
    public SecurityServerConfig withPin(PinSection newPin) {
        return new SecurityServerConfig(owner, serverCode, dataDir, database, listeners, anchorFile, token, newPin,
                registration, exchange, messageLog);
    }

    /** This configuration with another registration section. */
    public SecurityServerConfig withRegistration(RegistrationSection newRegistration) {
        return new SecurityServerConfig(owner, serverCode, dataDir, database, listeners, anchorFile, token, pin,
                newRegistration, exchange, messageLog);
    }

    /** This configuration with other exchange limits and timeouts. */
    public SecurityServerConfig withExchange(ExchangeConfig newExchange) {
        return new SecurityServerConfig(owner, serverCode, dataDir, database, listeners, anchorFile, token, pin,
                registration, newExchange, messageLog);
    }

    /** This configuration with another message log section. */
    public SecurityServerConfig withMessageLog(MessageLogSection newMessageLog) {
        return new SecurityServerConfig(owner, serverCode, dataDir, database, listeners, anchorFile, token, pin,
                registration, exchange, newMessageLog);
    }

    /** The token to open, with relative directories resolved against {@code dataDir}. */
    public TokenConfig tokenConfig() {
        return token.tokenConfig(dataDir);
    }

    /**
     * The token section (ARCHITECTURE §8). It never holds the PIN.
     *
     * @param type           {@code SOFTWARE} (default) or {@code PKCS11}
     * @param id             the token id; null (default) means {@code software} or {@code pkcs11} by
     *                       {@code type} (resolved late, so that overriding the type also changes it)
     * @param directory      software: where the PKCS#12 files live; default {@code <dataDir>/keys}
     * @param library        PKCS#11: the module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}; required
     * @param slot           PKCS#11: the slot id; null (default) selects by {@code slotListIndex}
     * @param slotListIndex  PKCS#11: the index in the module's slot list; default 0
     * @param stateDirectory PKCS#11: where the key index lives; default {@code <dataDir>/keys}
     * @param keyAlgorithm   {@code EC_P256} (default) or {@code RSA_2048}
     * @param batchSigning   whether message manifests are signed in batches (one CMS over a Merkle root);
     *                       default false
     * @param batchMaxWaitMillis batch mode: how long the first manifest of a batch waits for others; 0 means
     *                       {@value BatchSigning#DEFAULT_MAX_WAIT_MILLIS}
     * @param batchMaxSize   batch mode: the most manifests in one batch; 0 means
     *                       {@value BatchSigning#DEFAULT_MAX_SIZE}
     */
    public record TokenSection(TokenType type, String id, Path directory, Path library, Long slot, int slotListIndex,
            Path stateDirectory, KeyAlgorithm keyAlgorithm, boolean batchSigning, int batchMaxWaitMillis,
            int batchMaxSize) {

        /** The software token in {@code <dataDir>/keys}, EC P-256, no batch signing. */
        public static final TokenSection DEFAULTS = new TokenSection(null, null, null, null, null, 0, null, null,
                false, 0, 0);

        /** The default directory name in {@code dataDir}. */
        public static final String KEYS_DIRECTORY = "keys";

        public TokenSection {
            type = type == null ? TokenType.SOFTWARE : type;
            keyAlgorithm = keyAlgorithm == null ? KeyAlgorithm.EC_P256 : keyAlgorithm;
            if (type == TokenType.PKCS11 && library == null) {
                throw ZholException.client(ErrorCode.MALFORMED_SERVER_CONF, "token.library is required for PKCS11");
            }
            batchMaxWaitMillis = batchMaxWaitMillis == 0 ? BatchSigning.DEFAULT_MAX_WAIT_MILLIS : batchMaxWaitMillis;
            batchMaxSize = batchMaxSize == 0 ? BatchSigning.DEFAULT_MAX_SIZE : batchMaxSize;
            batchSettings(batchSigning, batchMaxWaitMillis, batchMaxSize);
        }

        /** The batch signing settings of this token. */
        public BatchSigning batchSettings() {
            return batchSettings(batchSigning, batchMaxWaitMillis, batchMaxSize);
        }

        /** This section with batch signing on ({@code true}) or off, with the given wait and size. */
        public TokenSection withBatchSigning(boolean enabled, int maxWaitMillis, int maxSize) {
            return new TokenSection(type, id, directory, library, slot, slotListIndex, stateDirectory, keyAlgorithm,
                    enabled, maxWaitMillis, maxSize);
        }

        private static BatchSigning batchSettings(boolean enabled, int maxWaitMillis, int maxSize) {
            return new BatchSigning(enabled, Duration.ofMillis(maxWaitMillis), maxSize);
        }

        /** The signer's configuration of this token; relative paths are resolved against {@code dataDir}. */
        public TokenConfig tokenConfig(Path dataDir) {
            Path keys = dataDir.resolve(KEYS_DIRECTORY);
            String tokenId = id != null ? id : type.name().toLowerCase(Locale.ROOT);
            return switch (type) {
                case SOFTWARE -> new TokenConfig.Software(tokenId, directory == null ? keys : dataDir.resolve(directory),
                        keyAlgorithm);
                case PKCS11 -> new TokenConfig.Pkcs11(tokenId, library,
                        slot == null ? OptionalLong.empty() : OptionalLong.of(slot), slotListIndex,
                        stateDirectory == null ? keys : dataDir.resolve(stateDirectory), keyAlgorithm);
            };
        }
    }

    /**
     * How the registration flows reach the central server's registration listener. Neither the anchor nor
     * the global configuration names it; see {@code security-server/README.md}, "Registration".
     *
     * @param centralUrl           {@code https://host:port/}; null (default) means {@code https://HOST:4001/},
     *                             HOST being the host of the anchor's first download URL
     * @param centralTlsSha256     the SHA-256 (hex) of the listener's self-signed certificate, from the central
     *                             server's {@code registration-tls}; null (default) until set here or through the
     *                             admin API
     * @param timeoutSeconds       a call to the central server, and the wait for a new certificate's OCSP
     *                             response; 0 means {@value #DEFAULT_TIMEOUT_SECONDS}
     * @param checkIntervalSeconds how often kept requests are compared with the configuration; 0 means
     *                             {@value #DEFAULT_CHECK_SECONDS}
     * @param pollIntervalSeconds  how often the central server is asked about an undecided request; 0 means
     *                             {@value #DEFAULT_POLL_SECONDS}
     */
    public record RegistrationSection(URI centralUrl, String centralTlsSha256, int timeoutSeconds,
            int checkIntervalSeconds, int pollIntervalSeconds) {

        /** Default call timeout, seconds. */
        public static final int DEFAULT_TIMEOUT_SECONDS = 30;
        /** Default check interval, seconds. */
        public static final int DEFAULT_CHECK_SECONDS = 5;
        /** Default poll interval, seconds. */
        public static final int DEFAULT_POLL_SECONDS = 60;
        /** Everything by default: the URL from the anchor, no pin. */
        public static final RegistrationSection DEFAULTS = new RegistrationSection(null, null, 0, 0, 0);

        public RegistrationSection {
            if (timeoutSeconds < 0 || checkIntervalSeconds < 0 || pollIntervalSeconds < 0) {
                throw ZholException.client(ErrorCode.MALFORMED_SERVER_CONF,
                        "registration timeouts and intervals must not be negative");
            }
            timeoutSeconds = timeoutSeconds == 0 ? DEFAULT_TIMEOUT_SECONDS : timeoutSeconds;
            checkIntervalSeconds = checkIntervalSeconds == 0 ? DEFAULT_CHECK_SECONDS : checkIntervalSeconds;
            pollIntervalSeconds = pollIntervalSeconds == 0 ? DEFAULT_POLL_SECONDS : pollIntervalSeconds;
            centralTlsSha256 = centralTlsSha256 == null || centralTlsSha256.isBlank() ? null : centralTlsSha256;
            try {
                settings(centralUrl, centralTlsSha256, timeoutSeconds, checkIntervalSeconds, pollIntervalSeconds);
            } catch (ZholException e) {
                throw ZholException.client(ErrorCode.MALFORMED_SERVER_CONF, "registration: " + e.detail());
            }
        }

        /** The registration flows' settings. */
        public RegistrationConfig registrationConfig() {
            return settings(centralUrl, centralTlsSha256, timeoutSeconds, checkIntervalSeconds, pollIntervalSeconds);
        }

        private static RegistrationConfig settings(URI url, String pin, int timeout, int check, int poll) {
            return new RegistrationConfig(Optional.ofNullable(url), Optional.ofNullable(pin).map(CentralEndpoint::parsePin),
                    Duration.ofSeconds(timeout), Duration.ofSeconds(check), Duration.ofSeconds(poll));
        }
    }

    /** The kinds of token. */
    public enum TokenType {
        /** PKCS#12 files protected by the PIN. */
        SOFTWARE,
        /** An HSM or smart card through SunPKCS11. */
        PKCS11
    }

    /**
     * Where the token PIN comes from. The PIN itself is never part of the configuration.
     *
     * @param env  the environment variable that holds it; default {@value #DEFAULT_ENV}
     * @param file a file that holds it (UTF-8; a trailing line break is dropped); when set, it wins over
     *             {@code env}
     */
    public record PinSection(String env, Path file) {

        /** The default environment variable. */
        public static final String DEFAULT_ENV = "ZHOL_PIN";

        /** The PIN in {@value #DEFAULT_ENV}. */
        public static final PinSection DEFAULTS = new PinSection(null, null);

        public PinSection {
            env = env == null || env.isBlank() ? DEFAULT_ENV : env;
        }

        /**
         * The configured source: the file when set, else the environment variable of {@code environment}
         * (the composition root passes {@code System.getenv()}).
         */
        public PinSource source(Map<String, String> environment) {
            return file != null ? PinSource.fromFile(file) : PinSource.fromEnvironment(env, environment);
        }
    }

    /**
     * The database section.
     *
     * @param jdbcUrl     {@code jdbc:postgresql://...} or {@code jdbc:h2:...}; null (the default) means the H2
     *                    file {@code <dataDir>/security-server.mv.db}
     * @param user        database user; null for none
     * @param password    database password; null for none; never printed by {@link #toString()}
     * @param maxPoolSize the most connections; 0 means {@link DatabaseConfig#DEFAULT_POOL_SIZE}
     */
    public record StorageConfig(String jdbcUrl, String user, String password, int maxPoolSize) {

        /** An H2 file in the data directory, with the default pool. */
        public static final StorageConfig DEFAULTS = new StorageConfig(null, null, null, 0);

        public StorageConfig {
            if (maxPoolSize < 0) {
                throw new IllegalArgumentException("database.maxPoolSize must not be negative");
            }
            maxPoolSize = maxPoolSize == 0 ? DatabaseConfig.DEFAULT_POOL_SIZE : maxPoolSize;
        }

        @Override
        public String toString() {
            return "StorageConfig[jdbcUrl=" + jdbcUrl + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
        }
    }

    /**
     * The listeners (ARCHITECTURE §1). Only {@code admin} is opened today; the proxies come with the
     * exchange.
     *
     * @param clientHttp  information systems, plain HTTP; default {@code 0.0.0.0:8080}
     * @param clientHttps information systems, HTTPS; default {@code 0.0.0.0:8443}
     * @param serverProxy other security servers, mutual TLS; default {@code 0.0.0.0:5500}
     * @param admin       the admin API; default {@code 127.0.0.1:4000}, loopback only
     */
    public record Listeners(ListenerConfig clientHttp, ListenerConfig clientHttps, ListenerConfig serverProxy,
            ListenerConfig admin) {

        /** The default ports of ARCHITECTURE §1. */
        public static final Listeners DEFAULTS = new Listeners(null, null, null, null);

        public Listeners {
            clientHttp = clientHttp == null ? new ListenerConfig("0.0.0.0", 8080) : clientHttp;
            clientHttps = clientHttps == null ? new ListenerConfig("0.0.0.0", 8443) : clientHttps;
            serverProxy = serverProxy == null ? new ListenerConfig("0.0.0.0", 5500) : serverProxy;
            admin = admin == null ? new ListenerConfig("127.0.0.1", 4000) : admin;
        }

        /** Every listener on loopback with port 0 (a free port), for tests. */
        public static Listeners ephemeral() {
            ListenerConfig any = new ListenerConfig("127.0.0.1", 0);
            return new Listeners(any, any, any, any);
        }
    }
}
