// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.id.XRoadId;
import org.zhol.securityserver.SecurityServer;
import org.zhol.securityserver.registry.AccessRight;
import org.zhol.securityserver.registry.Endpoint;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.securityserver.registry.ServiceType;
import org.zhol.securityserver.store.SqlAccessRightRepository;
import org.zhol.securityserver.store.SqlLocalClientRepository;
import org.zhol.securityserver.store.SqlServiceRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.TestDatabases;

/** A real registry on an H2 file database, an HTTP client, and a provider built on them. */
final class RegistryFixture implements AutoCloseable {

    final Database db;
    final ServiceRegistry registry;
    final HttpClient http;

    RegistryFixture(Path dir) {
        db = Database.open(TestDatabases.fresh(TestDatabases.Kind.H2, dir), SecurityServer.MIGRATIONS);
        registry = new ServiceRegistry(new SqlLocalClientRepository(db), new SqlServiceRepository(db),
                new SqlAccessRightRepository(db));
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    MetaserviceProvider provider(MetaserviceConfig config) {
        return new MetaserviceProvider(registry, new DescriptionClient(http, config), config);
    }

    void service(ServiceId id, ServiceType type, Optional<URI> description) {
        registry.addService(new LocalService(id, type, URI.create("http://127.0.0.1:9/is"), description,
                LocalService.DEFAULT_TIMEOUT, true));
    }

    void grant(SubsystemId provider, String code, XRoadId subject, String method, String path) {
        registry.grant(new AccessRight(provider, code, subject, Endpoint.parse(method, path)));
    }

    @Override
    public void close() {
        http.close();
        db.close();
    }
}
