// SPDX-License-Identifier: MIT
package org.zhol.centralserver.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.server.store.Database;
import org.zhol.server.store.TestDatabases;

/** Every store on H2 and on PostgreSQL: round trips, faults and the version counter. */
class RegistryStoresTest {

    private static final String DEV = "DEV";
    private static final MemberId GOV1 = new MemberId(DEV, "GOV", "1");
    private static final SubsystemId SUB = GOV1.subsystem("SUB");
    private static final SecurityServerId SS1 = new SecurityServerId(GOV1, "SS1");

    @TempDir
    Path dir;

    private static Database open(TestDatabases.Kind kind, Path dir) {
        Database db = Database.open(TestDatabases.fresh(kind, dir), "classpath:db/support", "classpath:db/central");
        assertThat(new SqlInstanceStore(db).initialise(DEV, TrustParameters.DEFAULTS)).isTrue();
        return db;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void instanceIsInitialisedOnceAndParametersRoundTrip(TestDatabases.Kind kind) {
        try (Database db = open(kind, dir)) {
            SqlInstanceStore store = new SqlInstanceStore(db);
            assertThat(store.initialise("OTHER", TrustParameters.DEFAULTS)).isFalse();
            assertThat(store.instance()).contains(DEV);
            long before = store.version();
            TrustParameters changed = new TrustParameters(Duration.ofSeconds(10), Duration.ofSeconds(20),
                    Duration.ofSeconds(30));
            store.setTrustParameters(changed);
            assertThat(store.trustParameters()).isEqualTo(changed);
            assertThat(store.version()).isEqualTo(before + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void membersAndSubsystems(TestDatabases.Kind kind) {
        try (Database db = open(kind, dir)) {
            SqlMemberClassStore classes = new SqlMemberClassStore(db);
            SqlMemberStore members = new SqlMemberStore(db, DEV);
            assertThatThrownBy(() -> members.add(GOV1, "x")).satisfies(code(ErrorCode.NOT_FOUND));
            classes.add(new MemberClass("GOV", "Government"));
            assertThatThrownBy(() -> classes.add(new MemberClass("GOV", "again"))).satisfies(code(ErrorCode.INVALID_REQUEST));
            members.add(GOV1, "Tax Board");
            assertThatThrownBy(() -> members.add(GOV1, "again")).satisfies(code(ErrorCode.INVALID_REQUEST));
            members.addSubsystem(SUB);
            members.addSubsystem(GOV1.subsystem("A"));
            assertThatThrownBy(() -> members.addSubsystem(SUB)).satisfies(code(ErrorCode.INVALID_REQUEST));
            assertThatThrownBy(() -> members.addSubsystem(new MemberId(DEV, "GOV", "2").subsystem("X")))
                    .satisfies(code(ErrorCode.UNKNOWN_MEMBER));
            members.rename(GOV1, "Tax and Customs Board");
            assertThat(members.find(GOV1).orElseThrow().name()).isEqualTo("Tax and Customs Board");
            assertThat(members.find(GOV1).orElseThrow().subsystems()).containsExactly(GOV1.subsystem("A"), SUB);
            assertThatThrownBy(() -> classes.remove("GOV")).satisfies(code(ErrorCode.INVALID_REQUEST));
            members.removeSubsystem(GOV1.subsystem("A"));
            assertThatThrownBy(() -> members.removeSubsystem(GOV1.subsystem("A"))).satisfies(code(ErrorCode.UNKNOWN_MEMBER));
            members.remove(GOV1);
            assertThat(members.list()).isEmpty();
            classes.remove("GOV");
            assertThat(classes.list()).isEmpty();
            assertThatThrownBy(() -> classes.remove("GOV")).satisfies(code(ErrorCode.NOT_FOUND));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void securityServersWithCertificatesClientsAddressAndMaintenance(TestDatabases.Kind kind) {
        try (Database db = open(kind, dir)) {
            SqlServerStore servers = registered(db);
            CertificateHash h1 = CertificateHash.of(new byte[] {1});
            CertificateHash h2 = CertificateHash.of(new byte[] {2});
            assertThatThrownBy(() -> servers.registerAuthCert(new SecurityServerId(new MemberId(DEV, "GOV", "9"), "X"),
                    "h", h1, new byte[] {1})).satisfies(code(ErrorCode.UNKNOWN_MEMBER));
            assertThat(servers.registerAuthCert(SS1, "ss1.example", h1, new byte[] {1})).isTrue();
            assertThat(servers.registerAuthCert(SS1, "ignored.example", h2, new byte[] {2})).isFalse();
            assertThatThrownBy(() -> servers.registerAuthCert(SS1, "x", h2, new byte[] {2}))
                    .satisfies(code(ErrorCode.INVALID_REQUEST));
            servers.addClient(SS1, GOV1);
            servers.addClient(SS1, SUB);
            assertThatThrownBy(() -> servers.addClient(SS1, SUB)).satisfies(code(ErrorCode.INVALID_REQUEST));
            assertThatThrownBy(() -> servers.addClient(SS1, GOV1.subsystem("NONE"))).satisfies(code(ErrorCode.UNKNOWN_MEMBER));
            assertThatThrownBy(() -> servers.addClient(new SecurityServerId(GOV1, "NONE"), SUB))
                    .satisfies(code(ErrorCode.NOT_FOUND));
            servers.setAddress(SS1, "new.example");
            servers.setMaintenance(SS1, true);
            var server = servers.list().getFirst();
            assertThat(server.address()).isEqualTo("new.example");
            assertThat(server.maintenance()).isTrue();
            assertThat(server.authCertHashes()).containsExactly(h1, h2);
            assertThat(server.clients()).containsExactly(GOV1, SUB);
            servers.removeClient(SS1, GOV1);
            assertThatThrownBy(() -> servers.removeClient(SS1, GOV1)).satisfies(code(ErrorCode.NOT_FOUND));
            servers.removeAuthCert(SS1, h1);
            assertThat(servers.list().getFirst().authCertHashes()).containsExactly(h2);
            // Removing a subsystem removes its client registrations; an owner cannot be removed.
            new SqlMemberStore(db, DEV).removeSubsystem(SUB);
            assertThat(servers.list().getFirst().clients()).isEmpty();
            assertThatThrownBy(() -> new SqlMemberStore(db, DEV).remove(GOV1)).satisfies(code(ErrorCode.INVALID_REQUEST));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void globalGroupsKeepMembersOfAnyInstance(TestDatabases.Kind kind) {
        try (Database db = open(kind, dir)) {
            SqlGroupStore groups = new SqlGroupStore(db, DEV);
            GlobalGroupId group = new GlobalGroupId(DEV, "owners");
            groups.add(group, "Server owners");
            assertThatThrownBy(() -> groups.add(group, "again")).satisfies(code(ErrorCode.INVALID_REQUEST));
            MemberId foreign = new MemberId("EE", "GOV", "70000310");
            groups.addMember(group, SUB);
            groups.addMember(group, foreign);
            assertThatThrownBy(() -> groups.addMember(group, foreign)).satisfies(code(ErrorCode.INVALID_REQUEST));
            assertThatThrownBy(() -> groups.addMember(new GlobalGroupId(DEV, "none"), foreign))
                    .satisfies(code(ErrorCode.NOT_FOUND));
            assertThat(groups.list().getFirst().members()).containsExactly(SUB, foreign);
            groups.removeMember(group, SUB);
            assertThatThrownBy(() -> groups.removeMember(group, SUB)).satisfies(code(ErrorCode.NOT_FOUND));
            groups.remove(group);
            assertThat(groups.list()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void trustServicesRoundTripTheirCertificates(TestDatabases.Kind kind) {
        try (Database db = open(kind, dir)) {
            SqlTrustServiceStore trust = new SqlTrustServiceStore(db);
            TestPki.Issuer root = TestPki.rootCa("CN=Root");
            TestPki.Issuer intermediate = root.intermediate("CN=Intermediate");
            X509Certificate ocsp = intermediate.issue(TestPki.Spec.ocspResponder("CN=OCSP"), TestPki.ecKeyPair().getPublic());
            ApprovedCa ca = new ApprovedCa("Root", root.certificate(), List.of(intermediate.certificate()),
                    List.of(new OcspResponder(URI.create("http://ocsp.example/1"), Optional.of(ocsp)),
                            new OcspResponder(URI.create("http://ocsp.example/2"), Optional.empty())), "org.zhol.profile.Dev");
            trust.addCa(ca);
            assertThatThrownBy(() -> trust.addCa(ca)).satisfies(code(ErrorCode.INVALID_REQUEST));
            assertThat(trust.cas()).containsExactly(ca);
            ApprovedTsa tsa1 = new ApprovedTsa("TSA1", URI.create("http://tsa.example/1"),
                    root.issue(TestPki.Spec.tsa("CN=TSA1"), TestPki.ecKeyPair().getPublic()));
            ApprovedTsa tsa2 = new ApprovedTsa("TSA2", URI.create("http://tsa.example/2"), tsa1.certificate());
            trust.addTsa(tsa2);
            trust.addTsa(tsa1);
            assertThat(trust.tsas()).containsExactly(tsa2, tsa1);
            trust.removeTsa("TSA2");
            assertThatThrownBy(() -> trust.removeTsa("TSA2")).satisfies(code(ErrorCode.NOT_FOUND));
            trust.removeCa("Root");
            assertThat(trust.cas()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void everyChangeIncrementsTheVersionAndFailuresDoNot(TestDatabases.Kind kind) {
        try (Database db = open(kind, dir)) {
            SqlInstanceStore instance = new SqlInstanceStore(db);
            long v0 = instance.version();
            SqlServerStore servers = registered(db); // class, member, subsystem: three changes
            assertThat(instance.version()).isEqualTo(v0 + 3);
            assertThatThrownBy(() -> new SqlMemberStore(db, DEV).add(GOV1, "dup")).isInstanceOf(ZholException.class);
            assertThatThrownBy(() -> servers.setMaintenance(new SecurityServerId(GOV1, "NONE"), true))
                    .isInstanceOf(ZholException.class);
            assertThat(instance.version()).isEqualTo(v0 + 3);
            servers.registerAuthCert(SS1, "a.example", CertificateHash.of(new byte[] {7}), new byte[] {7});
            servers.setMaintenance(SS1, false);
            assertThat(instance.version()).isEqualTo(v0 + 5);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void snapshotIsAConsistentConfigurationWithItsVersion(TestDatabases.Kind kind) {
        try (Database db = open(kind, dir)) {
            SqlServerStore servers = registered(db);
            servers.registerAuthCert(SS1, "ss1.example", CertificateHash.of(new byte[] {1}), new byte[] {1});
            servers.addClient(SS1, SUB);
            new SqlGroupStore(db, DEV).add(new GlobalGroupId(DEV, "g"), "");
            RegistrySnapshot snapshot = new SqlSnapshotStore(db, DEV).snapshot();
            GlobalConfiguration conf = snapshot.configuration();
            assertThat(snapshot.version()).isEqualTo(new SqlInstanceStore(db).version());
            assertThat(conf.instance()).isEqualTo(DEV);
            assertThat(conf.isRegistered(SUB)).isTrue();
            assertThat(conf.serversHosting(SUB)).extracting(s -> s.id()).containsExactly(SS1);
            assertThat(conf.globalGroups()).hasSize(1);
            assertThat(conf.trustParameters()).isEqualTo(TrustParameters.DEFAULTS);
        }
    }

    /** A member class, member GOV1 and its subsystem SUB. */
    private static SqlServerStore registered(Database db) {
        new SqlMemberClassStore(db).add(new MemberClass("GOV", "Government"));
        SqlMemberStore members = new SqlMemberStore(db, DEV);
        members.add(GOV1, "Tax Board");
        members.addSubsystem(SUB);
        return new SqlServerStore(db, DEV);
    }

    private static java.util.function.Consumer<Throwable> code(ErrorCode expected) {
        return e -> assertThat(e).isInstanceOfSatisfying(ZholException.class, z -> assertThat(z.code()).isEqualTo(expected));
    }
}
