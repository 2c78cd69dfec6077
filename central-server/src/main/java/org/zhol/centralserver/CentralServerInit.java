// SPDX-License-Identifier: MIT
package org.zhol.centralserver;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.centralserver.store.SqlInstanceStore;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.server.admin.ApiRole;
import org.zhol.server.admin.IssuedToken;
import org.zhol.server.store.Database;

/**
 * Creates an instance: the data directory, the database with its instance row and default trust
 * parameters, the first admin token, and whatever the extensions create in
 * {@link CentralServerExtension#initialise} (the configuration signing key).
 */
public final class CentralServerInit {

    /** The name of the token that {@code init} issues. */
    public static final String FIRST_TOKEN = "admin";

    private final CentralServerConfig config;
    private final List<CentralServerExtension> extensions;

    public CentralServerInit(CentralServerConfig config, List<CentralServerExtension> extensions) {
        this.config = config;
        this.extensions = List.copyOf(extensions);
    }

    /**
     * Initialises {@code instance}. Refuses, changing nothing, when the database is initialised already.
     *
     * @return the first admin token, whose secret exists only in this value
     * @throws ZholException {@code InvalidRequest} when already initialised; {@code BadRequest} for an
     *                       invalid instance code; {@code IOError} when the data directory cannot be made
     */
    public IssuedToken initialise(String instance) {
        org.zhol.protocol.id.IdentifierRules.code("instance", instance);
        try {
            Files.createDirectories(config.dataPath());
        } catch (IOException e) {
            throw ZholException.internal(ErrorCode.IO_ERROR, "Cannot create the data directory " + config.dataDir(), e);
        }
        try (Database database = Database.open(config.databaseConfig(), CentralServer.MIGRATIONS)) {
            SqlInstanceStore store = new SqlInstanceStore(database);
            if (!store.initialise(instance, TrustParameters.DEFAULTS)) {
                throw ZholException.client(ErrorCode.INVALID_REQUEST, "Already initialised for instance "
                        + store.instance().orElse("?") + "; nothing was changed");
            }
            CentralContext context = CentralContext.wire(config, database, instance, Map::of);
            IssuedToken token = context.tokens().issue(FIRST_TOKEN, ApiRole.ADMIN);
            for (CentralServerExtension extension : extensions) {
                extension.initialise(context);
            }
            return token;
        }
    }
}
