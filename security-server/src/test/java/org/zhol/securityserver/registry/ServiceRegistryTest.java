// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.rest.RestMethod;
import org.zhol.securityserver.SecurityServer;
import org.zhol.securityserver.store.SqlAccessRightRepository;
import org.zhol.securityserver.store.SqlLocalClientRepository;
import org.zhol.securityserver.store.SqlServiceRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.TestDatabases;

/** The registry's validation and its fault codes (on H2; the stores run on both databases elsewhere). */
class ServiceRegistryTest {

    static final SubsystemId PROVIDER = SubsystemId.parse("DEV/GOV/1001/PROVIDER");
    static final SubsystemId CONSUMER = SubsystemId.parse("DEV/COM/2002/CONSUMER");
    static final SubsystemId UNKNOWN = SubsystemId.parse("DEV/GOV/1001/NOPE");

    @TempDir
    Path dir;

    private Database db;
    private ServiceRegistry registry;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabases.fresh(TestDatabases.Kind.H2, dir), SecurityServer.MIGRATIONS);
        registry = new ServiceRegistry(new SqlLocalClientRepository(db), new SqlServiceRepository(db),
                new SqlAccessRightRepository(db));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void clients() {
        assertThat(registry.addClient(PROVIDER).status()).isEqualTo(RegistrationStatus.SAVED);
        assertCode(() -> registry.addClient(PROVIDER), ErrorCode.BAD_REQUEST);
        registry.setStatus(PROVIDER, RegistrationStatus.REGISTERED);
        assertThat(registry.client(PROVIDER).status()).isEqualTo(RegistrationStatus.REGISTERED);
        assertCode(() -> registry.client(UNKNOWN), ErrorCode.UNKNOWN_MEMBER);
        assertCode(() -> registry.setStatus(UNKNOWN, RegistrationStatus.SAVED), ErrorCode.UNKNOWN_MEMBER);
        assertCode(() -> registry.deleteClient(UNKNOWN), ErrorCode.UNKNOWN_MEMBER);
        assertCode(() -> registry.services(UNKNOWN), ErrorCode.UNKNOWN_MEMBER);
        assertCode(() -> registry.rights(UNKNOWN), ErrorCode.UNKNOWN_MEMBER);
        registry.deleteClient(PROVIDER);
        assertThat(registry.clients()).isEmpty();
    }

    @Test
    void services() {
        registry.addClient(PROVIDER);
        LocalService rest = rest(PROVIDER.service("persons"));
        registry.addService(rest);
        assertCode(() -> registry.addService(rest), ErrorCode.BAD_REQUEST);
        assertCode(() -> registry.addService(rest(UNKNOWN.service("x"))), ErrorCode.UNKNOWN_MEMBER);
        assertCode(() -> registry.addService(soap(ServiceId.of(PROVIDER, "persons", "v2"))), ErrorCode.BAD_REQUEST);
        assertThat(registry.service(rest.id())).isEqualTo(rest);
        assertCode(() -> registry.service(PROVIDER.service("cars")), ErrorCode.UNKNOWN_SERVICE);
        assertCode(() -> registry.service(ServiceId.of(PROVIDER, "persons", "v1")), ErrorCode.UNKNOWN_SERVICE);
        assertCode(() -> registry.service(UNKNOWN.service("persons")), ErrorCode.UNKNOWN_MEMBER);

        LocalService disabled = rest.withEnabled(false);
        assertThat(registry.updateService(disabled)).isEqualTo(disabled);
        assertThat(registry.service(rest.id()).enabled()).isFalse();
        assertCode(() -> registry.updateService(soap(rest.id())), ErrorCode.BAD_REQUEST);
        assertCode(() -> registry.updateService(rest(PROVIDER.service("cars"))), ErrorCode.UNKNOWN_SERVICE);
    }

    @Test
    void metaserviceCodesAreReserved() {
        registry.addClient(PROVIDER);
        for (String code : ServiceRegistry.RESERVED_CODES) {
            assertCode(() -> registry.addService(rest(PROVIDER.service(code))), ErrorCode.BAD_REQUEST);
            assertCode(() -> registry.addService(soap(ServiceId.of(PROVIDER, code, "v1"))), ErrorCode.BAD_REQUEST);
        }
        assertThat(registry.services(PROVIDER)).isEmpty();
        registry.addService(rest(PROVIDER.service("listmethods")));
    }

    @Test
    void serviceUrlsAndTimeoutsAreValidated() {
        assertCode(() -> LocalService.parseUrl("url", null), ErrorCode.SERVICE_MISSING_URL);
        assertCode(() -> LocalService.parseUrl("url", " "), ErrorCode.SERVICE_MISSING_URL);
        assertCode(() -> LocalService.parseUrl("url", "ftp://x/y"), ErrorCode.SERVICE_MALFORMED_URL);
        assertCode(() -> LocalService.parseUrl("url", "/relative"), ErrorCode.SERVICE_MALFORMED_URL);
        assertCode(() -> LocalService.parseUrl("url", "http://a b"), ErrorCode.SERVICE_MALFORMED_URL);
        assertCode(() -> LocalService.parseUrl("url", "https://user:pw@is.example/"), ErrorCode.SERVICE_MALFORMED_URL);
        assertCode(() -> LocalService.parseUrl("url", "https://is.example/" + "a".repeat(3000)),
                ErrorCode.SERVICE_MALFORMED_URL);
        assertThat(LocalService.parseUrl("url", "HTTPS://is.example:8443/api")).hasHost("is.example");
        assertCode(() -> new LocalService(PROVIDER.service("x"), ServiceType.REST, URI.create("http://a/"),
                Optional.empty(), Duration.ZERO, true), ErrorCode.BAD_REQUEST);
        assertCode(() -> new LocalService(PROVIDER.service("x"), ServiceType.REST, URI.create("http://a/"),
                Optional.empty(), Duration.ofHours(2), true), ErrorCode.BAD_REQUEST);
    }

    @Test
    void rightsFollowTheirServices() {
        registry.addClient(PROVIDER);
        registry.addService(rest(ServiceId.of(PROVIDER, "persons", "v1")));
        registry.addService(rest(ServiceId.of(PROVIDER, "persons", "v2")));
        registry.addService(soap(PROVIDER.service("getPerson")));
        AccessRight get = new AccessRight(PROVIDER, "persons", CONSUMER, Endpoint.parse("GET", "/persons/*"));
        assertThat(registry.grant(get)).isTrue();
        assertThat(registry.grant(get)).isFalse();
        assertThat(registry.grant(AccessRight.wholeService(PROVIDER.service("getPerson"), CONSUMER))).isTrue();
        assertCode(() -> registry.grant(new AccessRight(PROVIDER, "getPerson", CONSUMER, Endpoint.parse("GET", "/x"))),
                ErrorCode.BAD_REQUEST);
        assertCode(() -> registry.grant(AccessRight.wholeService(PROVIDER.service("cars"), CONSUMER)),
                ErrorCode.UNKNOWN_SERVICE);
        assertCode(() -> registry.grant(AccessRight.wholeService(UNKNOWN.service("cars"), CONSUMER)),
                ErrorCode.UNKNOWN_MEMBER);
        assertThat(registry.rights(PROVIDER, "persons")).containsExactly(get);

        registry.deleteService(ServiceId.of(PROVIDER, "persons", "v1"));
        assertThat(registry.rights(PROVIDER, "persons")).as("v2 still has the code").containsExactly(get);
        registry.deleteService(ServiceId.of(PROVIDER, "persons", "v2"));
        assertThat(registry.rights(PROVIDER, "persons")).isEmpty();

        registry.revoke(AccessRight.wholeService(PROVIDER.service("getPerson"), CONSUMER));
        assertCode(() -> registry.revoke(AccessRight.wholeService(PROVIDER.service("getPerson"), CONSUMER)),
                ErrorCode.NOT_FOUND);
        assertThat(registry.rights(PROVIDER)).isEmpty();
    }

    @Test
    void authorizeLooksUpDecidesThenChecksEnabled() {
        registry.addClient(PROVIDER);
        ServiceId persons = PROVIDER.service("persons");
        registry.addService(rest(persons));
        registry.grant(new AccessRight(PROVIDER, "persons", CONSUMER, Endpoint.parse("GET", "/persons/{id}")));
        Optional<RestMethod> get = Optional.of(RestMethod.GET);
        assertThat(registry.authorize(CONSUMER, persons, get, Optional.of("/persons/7"), Groups.none()).id())
                .isEqualTo(persons);
        assertCode(() -> registry.authorize(CONSUMER, persons, get, Optional.of("/cars/7"), Groups.none()),
                ErrorCode.ACCESS_DENIED);
        assertCode(() -> registry.authorize(CONSUMER, PROVIDER.service("cars"), get, Optional.of("/x"), Groups.none()),
                ErrorCode.UNKNOWN_SERVICE);
        assertCode(() -> registry.authorize(CONSUMER, UNKNOWN.service("x"), get, Optional.of("/x"), Groups.none()),
                ErrorCode.UNKNOWN_MEMBER);
        registry.updateService(rest(persons).withEnabled(false));
        assertCode(() -> registry.authorize(CONSUMER, persons, get, Optional.of("/persons/7"), Groups.none()),
                ErrorCode.SERVICE_DISABLED);
        assertCode(() -> registry.authorize(CONSUMER, persons, get, Optional.of("/cars/7"), Groups.none()),
                ErrorCode.ACCESS_DENIED);
    }

    static LocalService rest(ServiceId id) {
        return new LocalService(id, ServiceType.REST, URI.create("http://127.0.0.1:9000/api"), Optional.empty(),
                LocalService.DEFAULT_TIMEOUT, true);
    }

    static LocalService soap(ServiceId id) {
        return new LocalService(id, ServiceType.SOAP, URI.create("http://127.0.0.1:9000/soap"),
                Optional.of(URI.create("http://127.0.0.1:9000/soap?wsdl")), Duration.ofSeconds(10), true);
    }

    private static void assertCode(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ZholException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
