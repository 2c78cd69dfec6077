// SPDX-License-Identifier: MIT
package org.zhol.securityserver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.ServiceId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.SecurityServer;
import org.zhol.securityserver.registry.AccessRight;
import org.zhol.securityserver.registry.Endpoint;
import org.zhol.securityserver.registry.IsAuthentication;
import org.zhol.securityserver.registry.IsCertificate;
import org.zhol.securityserver.registry.LocalClient;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.RegistrationStatus;
import org.zhol.securityserver.registry.ServiceType;
import org.zhol.server.store.Database;
import org.zhol.server.store.DatabaseConfig;
import org.zhol.server.store.TestDatabases;

/** Every repository on H2 and on a real PostgreSQL. */
class RegistryStoreTest {

    static final SubsystemId PROVIDER = SubsystemId.parse("DEV/GOV/1001/PROVIDER");
    static final SubsystemId OTHER = SubsystemId.parse("DEV/GOV/1001/OTHER");
    static final SubsystemId CONSUMER = SubsystemId.parse("DEV/COM/2002/CONSUMER");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void clients(TestDatabases.Kind kind) {
        try (Database db = open(kind)) {
            LocalClientRepository clients = new SqlLocalClientRepository(db);
            LocalClient added = clients.insert(PROVIDER, RegistrationStatus.SAVED);
            clients.insert(OTHER, RegistrationStatus.REGISTERED);
            assertThat(clients.find(PROVIDER)).contains(added);
            assertThat(clients.find(CONSUMER)).isEmpty();
            assertThat(clients.list()).extracting(LocalClient::id).containsExactly(PROVIDER, OTHER);
            assertThatThrownBy(() -> clients.insert(PROVIDER, RegistrationStatus.SAVED))
                    .isInstanceOfSatisfying(ZholException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));

            assertThat(clients.setStatus(PROVIDER, RegistrationStatus.REGISTRATION_REQUESTED)).isTrue();
            assertThat(clients.find(PROVIDER).orElseThrow().status()).isEqualTo(RegistrationStatus.REGISTRATION_REQUESTED);
            assertThat(clients.setStatus(CONSUMER, RegistrationStatus.REGISTERED)).isFalse();
            assertThat(clients.delete(OTHER)).isTrue();
            assertThat(clients.delete(OTHER)).isFalse();
            assertThat(clients.list()).extracting(LocalClient::id).containsExactly(PROVIDER);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void servicesByCodeAndVersion(TestDatabases.Kind kind) {
        try (Database db = open(kind)) {
            new SqlLocalClientRepository(db).insert(PROVIDER, RegistrationStatus.SAVED);
            ServiceRepository services = new SqlServiceRepository(db);
            LocalService rest = rest(PROVIDER.service("persons"));
            LocalService v1 = soap(ServiceId.of(PROVIDER, "getPerson", "v1"));
            LocalService v2 = soap(ServiceId.of(PROVIDER, "getPerson", "v2"));
            services.insert(rest);
            services.insert(v1);
            services.insert(v2);
            assertThat(services.find(rest.id())).contains(rest);
            assertThat(services.find(v2.id())).contains(v2);
            assertThat(services.find(PROVIDER.service("getPerson"))).as("no version finds no versioned service").isEmpty();
            assertThat(services.list(PROVIDER)).containsExactly(v1, v2, rest);
            assertThat(services.list(OTHER)).isEmpty();
            assertThatThrownBy(() -> services.insert(v1)).isInstanceOfSatisfying(ZholException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST));
            assertThatThrownBy(() -> services.insert(rest(OTHER.service("x")))).isInstanceOfSatisfying(
                    ZholException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_MEMBER));

            LocalService changed = new LocalService(rest.id(), ServiceType.REST, URI.create("https://new.example/api"),
                    Optional.empty(), Duration.ofSeconds(5), false);
            assertThat(services.update(changed)).isTrue();
            assertThat(services.find(rest.id())).contains(changed);
            assertThat(services.update(rest(PROVIDER.service("missing")))).isFalse();
            assertThat(services.delete(v1.id())).isTrue();
            assertThat(services.delete(v1.id())).isFalse();
            assertThat(services.list(PROVIDER)).containsExactly(v2, changed);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void accessRightsAndCascade(TestDatabases.Kind kind) {
        try (Database db = open(kind)) {
            LocalClientRepository clients = new SqlLocalClientRepository(db);
            clients.insert(PROVIDER, RegistrationStatus.SAVED);
            new SqlServiceRepository(db).insert(rest(PROVIDER.service("persons")));
            AccessRightRepository rights = new SqlAccessRightRepository(db);
            AccessRight whole = new AccessRight(PROVIDER, "persons", CONSUMER, Endpoint.ANY);
            AccessRight getOne = new AccessRight(PROVIDER, "persons", CONSUMER, Endpoint.parse("GET", "/persons/{id}"));
            AccessRight group = new AccessRight(PROVIDER, "persons", new GlobalGroupId("DEV", "security-servers"),
                    Endpoint.parse("*", "/persons/**"));
            AccessRight member = new AccessRight(PROVIDER, "other", new MemberId("DEV", "COM", "2002"), Endpoint.ANY);
            assertThat(rights.insert(whole)).isTrue();
            assertThat(rights.insert(whole)).as("granting twice").isFalse();
            assertThat(rights.insert(getOne)).isTrue();
            assertThat(rights.insert(group)).isTrue();
            assertThat(rights.insert(member)).isTrue();
            assertThat(rights.list(PROVIDER)).containsExactly(whole, getOne, group, member);
            assertThat(rights.list(PROVIDER, "persons")).containsExactly(whole, getOne, group);
            assertThat(rights.list(OTHER)).isEmpty();
            assertThatThrownBy(() -> rights.insert(new AccessRight(OTHER, "x", CONSUMER, Endpoint.ANY)))
                    .isInstanceOfSatisfying(ZholException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_MEMBER));

            assertThat(rights.delete(getOne)).isTrue();
            assertThat(rights.delete(getOne)).isFalse();
            assertThat(rights.deleteAll(PROVIDER, "persons")).isEqualTo(2);
            assertThat(rights.list(PROVIDER)).containsExactly(member);

            clients.delete(PROVIDER);
            clients.insert(PROVIDER, RegistrationStatus.SAVED);
            assertThat(rights.list(PROVIDER)).as("deleting a client deletes its rights").isEmpty();
            assertThat(new SqlServiceRepository(db).list(PROVIDER)).as("and its services").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void isAuthenticationModesAndWhitelists(TestDatabases.Kind kind) {
        try (Database db = open(kind)) {
            LocalClientRepository clients = new SqlLocalClientRepository(db);
            IsAuthenticationRepository auth = new SqlIsAuthenticationRepository(db);
            clients.insert(PROVIDER, RegistrationStatus.SAVED);
            assertThat(auth.mode(PROVIDER)).isEqualTo(IsAuthentication.NONE);
            auth.setMode(PROVIDER, IsAuthentication.MTLS);
            assertThat(auth.mode(PROVIDER)).isEqualTo(IsAuthentication.MTLS);
            java.time.Instant at = java.time.Instant.parse("2026-11-27T10:00:00.123456Z");
            IsCertificate one = new IsCertificate(new CertificateHash("a".repeat(64)), "CN=IS one", at);
            IsCertificate two = new IsCertificate(new CertificateHash("b".repeat(64)), "CN=IS two", at);
            assertThat(auth.addCertificate(PROVIDER, one)).isTrue();
            assertThat(auth.addCertificate(PROVIDER, two)).isTrue();
            assertThat(auth.addCertificate(PROVIDER, one)).isFalse();
            assertThat(auth.certificates(PROVIDER)).containsExactly(one, two);
            assertThat(auth.removeCertificate(PROVIDER, one.hash())).isTrue();
            assertThat(auth.removeCertificate(PROVIDER, one.hash())).isFalse();
            assertThat(auth.certificates(PROVIDER)).containsExactly(two);
            assertThatThrownBy(() -> auth.mode(CONSUMER)).isInstanceOfSatisfying(ZholException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_MEMBER));
            clients.delete(PROVIDER);
            clients.insert(PROVIDER, RegistrationStatus.SAVED);
            assertThat(auth.mode(PROVIDER)).as("a new client starts over").isEqualTo(IsAuthentication.NONE);
            assertThat(auth.certificates(PROVIDER)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void settingsSurviveReopening(TestDatabases.Kind kind) {
        DatabaseConfig config = TestDatabases.fresh(kind, dir);
        try (Database db = Database.open(config, SecurityServer.MIGRATIONS)) {
            SettingsRepository settings = new SqlSettingsRepository(db);
            assertThat(settings.get("maintenance")).isEmpty();
            settings.put("maintenance", "true");
            settings.put("maintenance", "false");
            settings.put("other", "x");
            assertThat(settings.get("maintenance")).contains("false");
        }
        try (Database db = Database.open(config, SecurityServer.MIGRATIONS)) {
            assertThat(new SqlSettingsRepository(db).get("maintenance")).contains("false");
        }
    }

    private Database open(TestDatabases.Kind kind) {
        return Database.open(TestDatabases.fresh(kind, dir), SecurityServer.MIGRATIONS);
    }

    static LocalService rest(ServiceId id) {
        return new LocalService(id, ServiceType.REST, URI.create("http://127.0.0.1:9000/api"),
                Optional.of(URI.create("http://127.0.0.1:9000/openapi.yaml")), Duration.ofSeconds(60), true);
    }

    static LocalService soap(ServiceId id) {
        return new LocalService(id, ServiceType.SOAP, URI.create("https://is.example/soap"),
                Optional.empty(), Duration.ofSeconds(30), true);
    }
}
