// SPDX-License-Identifier: MIT
package org.zhol.centralserver.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.centralserver.CentralContext;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.centralserver.store.SqlInstanceStore;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.server.store.Database;
import org.zhol.server.store.DatabaseConfig;

/** The registry's validation and fault codes, and the configuration it gives the publisher (on H2). */
class RegistryTest {

    private static final MemberId GOV1 = new MemberId("DEV", "GOV", "1");
    private static final SecurityServerId SS1 = new SecurityServerId(GOV1, "SS1");

    @TempDir
    Path dir;

    private Database db;
    private Registry registry;
    private TrustServices trust;
    private RegistryConfigurationSource source;

    @BeforeEach
    void open() {
        db = Database.open(DatabaseConfig.h2File(dir, "central"), "classpath:db/support", "classpath:db/central");
        new SqlInstanceStore(db).initialise("DEV", TrustParameters.DEFAULTS);
        CentralContext context = CentralContext.wire(CentralServerConfig.DEFAULTS, db, "DEV", java.util.Map::of);
        registry = context.registry();
        trust = context.trustServices();
        source = context.configuration();
        registry.addMemberClass("GOV", "Government");
        registry.addMember(GOV1, "  Tax Board ");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void validatesInputWithPreciseCodes() {
        assertThatThrownBy(() -> registry.addMember(new MemberId("EE", "GOV", "2"), "x")).satisfies(code(ErrorCode.BAD_REQUEST));
        assertThatThrownBy(() -> registry.addMember(new MemberId("DEV", "GOV", "2"), " ")).satisfies(code(ErrorCode.BAD_REQUEST));
        assertThatThrownBy(() -> registry.addMember(new MemberId("DEV", "COM", "2"), "x")).satisfies(code(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> registry.addMember(GOV1, "x")).satisfies(code(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> registry.member(new MemberId("DEV", "GOV", "2"))).satisfies(code(ErrorCode.UNKNOWN_MEMBER));
        assertThatThrownBy(() -> registry.addMemberClass("G/V", "")).satisfies(code(ErrorCode.BAD_REQUEST));
        assertThatThrownBy(() -> registry.securityServer(SS1)).satisfies(code(ErrorCode.NOT_FOUND));
        assertThatThrownBy(() -> registry.globalGroup(new GlobalGroupId("DEV", "none"))).satisfies(code(ErrorCode.NOT_FOUND));
        assertThat(registry.member(GOV1).name()).isEqualTo("Tax Board");
    }

    @Test
    void managementRequestOperations() {
        X509Certificate auth = authCert();
        assertThat(registry.registerAuthCert(SS1, "ss1.example", auth)).isTrue();
        assertThatThrownBy(() -> registry.registerAuthCert(SS1, "ss1.example", auth)).satisfies(code(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> registry.registerAuthCert(SS1, "bad address!", authCert())).satisfies(code(ErrorCode.BAD_REQUEST));
        assertThatThrownBy(() -> registry.registerAuthCert(SS1, "ss1.example", TestPki.rootCa("CN=CA").certificate()))
                .satisfies(code(ErrorCode.INCORRECT_CERTIFICATE));
        assertThatThrownBy(() -> registry.registerAuthCert(new SecurityServerId(new MemberId("DEV", "GOV", "9"), "X"),
                "h.example", authCert())).satisfies(code(ErrorCode.UNKNOWN_MEMBER));
        registry.addSubsystem(GOV1.subsystem("SUB"));
        registry.addClient(SS1, GOV1.subsystem("SUB"));
        assertThatThrownBy(() -> registry.addClient(SS1, GOV1.subsystem("NONE"))).satisfies(code(ErrorCode.UNKNOWN_MEMBER));
        registry.setAddress(SS1, "10.0.0.1");
        registry.setMaintenance(SS1, true);
        assertThatThrownBy(() -> registry.setAddress(SS1, "")).satisfies(code(ErrorCode.BAD_REQUEST));
        var server = registry.securityServer(SS1);
        assertThat(server.address()).isEqualTo("10.0.0.1");
        assertThat(server.maintenance()).isTrue();
        assertThat(server.authCertHashes()).containsExactly(CertificateHash.of(auth));
        registry.removeClient(SS1, GOV1.subsystem("SUB"));
        assertThat(registry.securityServer(SS1).clients()).isEmpty();
    }

    @Test
    void groupsCheckOwnMembersButNotForeignOnes() {
        GlobalGroupId group = new GlobalGroupId("DEV", "owners");
        registry.addGlobalGroup(group, null);
        registry.addGroupMember(group, GOV1);
        registry.addGroupMember(group, new MemberId("EE", "COM", "5").subsystem("X"));
        assertThatThrownBy(() -> registry.addGroupMember(group, GOV1.subsystem("NONE"))).satisfies(code(ErrorCode.UNKNOWN_MEMBER));
        assertThat(registry.globalGroup(group).members()).hasSize(2);
    }

    @Test
    void trustServicesValidateCertificatesAndUrls() {
        TestPki.Issuer root = TestPki.rootCa("CN=Root");
        X509Certificate leaf = root.issue(TestPki.Spec.tsa("CN=TSA"), TestPki.ecKeyPair().getPublic());
        assertThatThrownBy(() -> trust.addApprovedCa(new ApprovedCa("Leaf", leaf, List.of(), List.of(), "p")))
                .satisfies(code(ErrorCode.INCORRECT_CERTIFICATE));
        assertThatThrownBy(() -> trust.addApprovedCa(new ApprovedCa("Root", root.certificate(), List.of(),
                List.of(new OcspResponder(URI.create("ftp://x/"), Optional.empty())), "p")))
                .satisfies(code(ErrorCode.BAD_REQUEST));
        assertThatThrownBy(() -> trust.addApprovedTsa(new ApprovedTsa("a/b", URI.create("http://tsa/"), leaf)))
                .satisfies(code(ErrorCode.BAD_REQUEST));
        trust.addApprovedCa(new ApprovedCa("Root", root.certificate(), List.of(),
                List.of(new OcspResponder(URI.create("http://ocsp.example/"), Optional.empty())), "org.zhol.profile.Dev"));
        trust.addApprovedTsa(new ApprovedTsa("TSA", URI.create("http://tsa.example/"), leaf));
        assertThat(trust.approvedCa("Root").ocspResponders()).hasSize(1);
        assertThatThrownBy(() -> trust.approvedCa("None")).satisfies(code(ErrorCode.NOT_FOUND));
    }

    @Test
    void configurationSourceReflectsEveryChangeAndItsVersionGrows() {
        long v1 = source.version();
        GlobalConfiguration before = source.current();
        assertThat(before.members()).hasSize(1);
        registry.addSubsystem(GOV1.subsystem("SUB"));
        registry.registerAuthCert(SS1, "ss1.example", authCert());
        trust.setTrustParameters(new TrustParameters(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)));
        assertThat(source.version()).isEqualTo(v1 + 3);
        GlobalConfiguration after = source.current();
        assertThat(after.isRegistered(GOV1.subsystem("SUB"))).isTrue();
        assertThat(after.securityServer(SS1)).isPresent();
        assertThat(after.trustParameters().configurationExpiry()).isEqualTo(Duration.ofSeconds(3));
        assertThat(source.snapshot().version()).isEqualTo(source.version());
    }

    private static X509Certificate authCert() {
        return TestPki.rootCa("CN=CA").issue(TestPki.Spec.auth("CN=SS1"), TestPki.ecKeyPair().getPublic());
    }

    private static Consumer<Throwable> code(ErrorCode expected) {
        return e -> assertThat(e).isInstanceOfSatisfying(ZholException.class, z -> assertThat(z.code()).isEqualTo(expected));
    }
}
