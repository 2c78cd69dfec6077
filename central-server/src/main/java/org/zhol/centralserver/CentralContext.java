// SPDX-License-Identifier: MIT
package org.zhol.centralserver;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.centralserver.registry.Registry;
import org.zhol.centralserver.registry.RegistryConfigurationSource;
import org.zhol.centralserver.registry.TrustServices;
import org.zhol.centralserver.store.SqlGroupStore;
import org.zhol.centralserver.store.SqlInstanceStore;
import org.zhol.centralserver.store.SqlMemberClassStore;
import org.zhol.centralserver.store.SqlMemberStore;
import org.zhol.centralserver.store.SqlServerStore;
import org.zhol.centralserver.store.SqlSnapshotStore;
import org.zhol.centralserver.store.SqlTrustServiceStore;
import org.zhol.server.admin.ApiTokens;
import org.zhol.server.store.Database;
import org.zhol.server.store.SqlApiTokenStore;

/**
 * The services of a running (or initialising) central server, handed to each
 * {@link CentralServerExtension}. Built by {@link CentralServer#start()} and by {@code init}, after
 * the database is open and migrated.
 *
 * @param config        the effective configuration; its instance is the stored one
 * @param database      the migrated database, for an extension's own store (its migrations go to
 *                      {@code db/central} as {@code V2__...} and up)
 * @param registry      members, servers and groups
 * @param trustServices approved CAs and TSAs, trust parameters
 * @param configuration what the publisher signs, and its version
 * @param tokens        the admin-API tokens
 * @param json          the JSON mapper the admin API uses
 * @param ports         the bound port of each listener by name ({@code admin}, {@code registration},
 *                      {@code download}); empty before the listeners start and during {@code init}
 */
public record CentralContext(CentralServerConfig config, Database database, Registry registry,
        TrustServices trustServices, RegistryConfigurationSource configuration, ApiTokens tokens, ObjectMapper json,
        Supplier<Map<String, Integer>> ports) {

    public CentralContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(trustServices, "trustServices");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(ports, "ports");
    }

    /**
     * Wires the services of {@code instance} on an open database, with {@code new} and nothing else.
     *
     * @param config   the configuration
     * @param database the migrated database
     * @param instance the instance code stored by {@code init}
     * @param ports    the bound listener ports, once they are bound
     */
    public static CentralContext wire(CentralServerConfig config, Database database, String instance,
            Supplier<Map<String, Integer>> ports) {
        SqlInstanceStore instanceStore = new SqlInstanceStore(database);
        Registry registry = new Registry(instance, new SqlMemberClassStore(database),
                new SqlMemberStore(database, instance), new SqlServerStore(database, instance),
                new SqlGroupStore(database, instance));
        TrustServices trust = new TrustServices(instanceStore, new SqlTrustServiceStore(database));
        RegistryConfigurationSource source = new RegistryConfigurationSource(
                new SqlSnapshotStore(database, instance), instanceStore);
        ApiTokens tokens = new ApiTokens(new SqlApiTokenStore(database), new SecureRandom());
        return new CentralContext(config.withInstance(instance), database, registry, trust, source, tokens,
                jsonMapper(), ports);
    }

    /** The JSON mapper of the admin API: strict on input, omits nulls on output. */
    public static ObjectMapper jsonMapper() {
        return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    }
}
