// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.server.admin.ApiRole;
import org.zhol.server.admin.ApiTokens;
import org.zhol.server.admin.IssuedToken;
import org.zhol.server.config.ConfigLoader;
import org.zhol.server.store.Database;
import org.zhol.server.store.SqlApiTokenStore;

/**
 * {@code init}: makes a new security server. It creates the data directory, migrates the database,
 * runs the contributed {@link InitStep}s, issues the first admin token (whose secret only the caller
 * ever sees) and writes the configuration file last, so that a failed init leaves no configuration.
 * It refuses to run twice: over an existing configuration file or a database that has tokens.
 */
public final class SecurityServerInit {

    /**
     * What init made.
     *
     * @param configFile the configuration file written
     * @param config     the configuration in it
     * @param adminToken the first admin token; print it once
     */
    public record Result(Path configFile, SecurityServerConfig config, IssuedToken adminToken) {
    }

    /**
     * What to make.
     *
     * @param owner      the owner member
     * @param serverCode the server code
     * @param dataDir    the data directory
     * @param configFile where to write the configuration (YAML); default {@code <dataDir>/security-server.yaml}
     * @param overrides  further {@code key=value} options to write, e.g. {@code database.jdbcUrl=...}
     */
    public record Request(MemberId owner, String serverCode, Path dataDir, Path configFile, List<String> overrides) {
        public Request {
            overrides = List.copyOf(overrides);
        }
    }

    /** The configuration file's name in the data directory when none is given. */
    public static final String DEFAULT_CONFIG_NAME = "security-server.yaml";

    private final List<InitStep> steps;

    public SecurityServerInit(List<InitStep> steps) {
        this.steps = List.copyOf(steps);
    }

    /**
     * Initialises a server.
     *
     * @throws ZholException {@code BadRequest} when already initialised, {@code MalformedServerConf} for
     *                       a bad option, {@code DatabaseError}, {@code IOError}
     */
    public Result run(Request request) {
        Path dataDir = request.dataDir().toAbsolutePath();
        Path configFile = request.configFile() == null ? dataDir.resolve(DEFAULT_CONFIG_NAME) : request.configFile();
        if (Files.exists(configFile)) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "Already initialised: " + configFile + " exists");
        }
        List<String> options = new ArrayList<>(List.of("owner.instance=" + request.owner().instance(),
                "owner.memberClass=" + request.owner().memberClass(),
                "owner.memberCode=" + request.owner().memberCode(), "serverCode=" + request.serverCode(),
                "dataDir=" + dataDir));
        options.addAll(request.overrides());
        SecurityServerConfig config = new ConfigLoader().load(SecurityServerConfig.DEFAULTS, null, options);
        config.serverId();
        IssuedToken token;
        try {
            Files.createDirectories(dataDir);
            try (Database db = Database.open(config.databaseConfig(), SecurityServer.MIGRATIONS)) {
                SqlApiTokenStore tokenStore = new SqlApiTokenStore(db);
                if (!tokenStore.list().isEmpty()) {
                    throw ZholException.client(ErrorCode.BAD_REQUEST, "Already initialised: the database has tokens");
                }
                steps.forEach(step -> step.run(config, db));
                token = new ApiTokens(tokenStore, new SecureRandom()).issue("admin", ApiRole.ADMIN);
            }
            writeConfig(configFile, options);
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot write " + configFile, e);
        }
        return new Result(configFile, config, token);
    }

    private static void writeConfig(Path file, List<String> options) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        ObjectNode tree = yaml.createObjectNode();
        for (String option : options) {
            int eq = option.indexOf('=');
            put(tree, option.substring(0, eq).trim(), option.substring(eq + 1));
        }
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, "# Zhol security server, written by 'init'. Options: security-server/README.md\n"
                + yaml.writeValueAsString(tree));
    }

    private static void put(ObjectNode tree, String dottedKey, String value) {
        String[] path = dottedKey.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode child = node.get(path[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(path[i]);
        }
        node.put(path[path.length - 1], value);
    }
}
