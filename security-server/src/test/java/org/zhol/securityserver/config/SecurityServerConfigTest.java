// SPDX-License-Identifier: MIT
package org.zhol.securityserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.messagelog.BodyLogging;
import org.zhol.securityserver.messagelog.LogMode;
import org.zhol.securityserver.messagelog.MessageLogConfig;
import org.zhol.securityserver.registration.RegistrationConfig;
import org.zhol.securityserver.signer.KeyAlgorithm;
import org.zhol.securityserver.signer.TokenConfig;
import org.zhol.server.config.ConfigLoader;
import org.zhol.server.config.ListenerConfig;

class SecurityServerConfigTest {

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void defaultsFollowTheArchitecture() {
        SecurityServerConfig.Listeners l = SecurityServerConfig.DEFAULTS.listeners();
        assertThat(l.clientHttp()).isEqualTo(new ListenerConfig("0.0.0.0", 8080));
        assertThat(l.clientHttps()).isEqualTo(new ListenerConfig("0.0.0.0", 8443));
        assertThat(l.serverProxy()).isEqualTo(new ListenerConfig("0.0.0.0", 5500));
        assertThat(l.admin()).isEqualTo(new ListenerConfig("127.0.0.1", 4000));
        assertThat(SecurityServerConfig.DEFAULTS.anchorFile()).isNull();
        assertThat(SecurityServerConfig.DEFAULTS.databaseConfig().jdbcUrl()).startsWith("jdbc:h2:file:")
                .contains("security-server");
        assertThatThrownBy(SecurityServerConfig.DEFAULTS::serverId).isInstanceOfSatisfying(ZholException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_SERVER_CONF));
    }

    @Test
    void loadsYamlAndOverrides() throws Exception {
        Path file = Files.writeString(dir.resolve("ss.yaml"), """
                owner:
                  instance: DEV
                  memberClass: GOV
                  memberCode: "1001"
                serverCode: SS1
                dataDir: %s
                database:
                  jdbcUrl: jdbc:postgresql://db.example/zhol
                  user: zhol
                  password: s3cret
                listeners:
                  admin:
                    port: 4100
                anchorFile: /etc/zhol/anchor.xml
                """.formatted(dir));
        SecurityServerConfig c = loader.load(SecurityServerConfig.DEFAULTS, file, List.of("listeners.clientHttp.port=9080"));
        assertThat(c.serverId()).isEqualTo(new SecurityServerId(new MemberId("DEV", "GOV", "1001"), "SS1"));
        assertThat(c.dataDir()).isEqualTo(dir);
        assertThat(c.listeners().admin()).isEqualTo(new ListenerConfig("127.0.0.1", 4100));
        assertThat(c.listeners().clientHttp().port()).isEqualTo(9080);
        assertThat(c.listeners().serverProxy().port()).isEqualTo(5500);
        assertThat(c.anchorFile()).isEqualTo(Path.of("/etc/zhol/anchor.xml"));
        assertThat(c.databaseConfig().isPostgres()).isTrue();
        assertThat(c.databaseConfig().user()).isEqualTo("zhol");
        assertThat(c.database().toString()).doesNotContain("s3cret");
        assertThat(c.toString()).doesNotContain("s3cret");
    }

    @Test
    void theDefaultDatabaseIsAnH2FileInTheDataDirectory() {
        SecurityServerConfig c = loader.load(SecurityServerConfig.DEFAULTS, null, List.of("dataDir=" + dir));
        assertThat(c.databaseConfig().jdbcUrl()).startsWith("jdbc:h2:file:" + dir.resolve("security-server"));
    }

    @Test
    void refusesBadOptions() {
        assertThatThrownBy(() -> loader.load(SecurityServerConfig.DEFAULTS, null, List.of("serverCode=bad/code")))
                .isInstanceOf(ZholException.class);
        assertThatThrownBy(() -> loader.load(SecurityServerConfig.DEFAULTS, null, List.of("listeners.admin.prot=1")))
                .isInstanceOf(ZholException.class).hasMessageContaining("prot");
        assertThatThrownBy(() -> loader.load(SecurityServerConfig.DEFAULTS, null, List.of("database.maxPoolSize=-1")))
                .isInstanceOf(ZholException.class);
    }

    @Test
    void tokenAndPinSections() throws Exception {
        Path data = dir.resolve("data");
        SecurityServerConfig defaults = loader.load(SecurityServerConfig.DEFAULTS, null, List.of("dataDir=" + data));
        assertThat(defaults.tokenConfig()).isEqualTo(new TokenConfig.Software("software", data.resolve("keys"),
                KeyAlgorithm.EC_P256));
        assertThat(defaults.pin().env()).isEqualTo("ZHOL_PIN");
        assertThat(defaults.pin().source(Map.of("ZHOL_PIN", "1234")).pin()).containsExactly('1', '2', '3', '4');

        Path pinFile = Files.writeString(dir.resolve("pin"), "9876\n");
        SecurityServerConfig pkcs11 = loader.load(SecurityServerConfig.DEFAULTS, null, List.of("dataDir=" + data,
                "token.type=PKCS11", "token.library=/usr/lib/softhsm/libsofthsm2.so", "token.slot=7",
                "token.keyAlgorithm=RSA_2048", "pin.file=" + pinFile));
        assertThat(pkcs11.tokenConfig()).isEqualTo(new TokenConfig.Pkcs11("pkcs11",
                Path.of("/usr/lib/softhsm/libsofthsm2.so"), OptionalLong.of(7), 0, data.resolve("keys"),
                KeyAlgorithm.RSA_2048));
        assertThat(pkcs11.pin().source(Map.of()).pin()).containsExactly('9', '8', '7', '6');

        assertThatThrownBy(() -> loader.load(SecurityServerConfig.DEFAULTS, null, List.of("token.type=PKCS11")))
                .hasMessageContaining("token.library");
        assertThatThrownBy(() -> loader.load(SecurityServerConfig.DEFAULTS, null, List.of("pin.value=1234")))
                .isInstanceOf(ZholException.class);
    }

    @Test
    void batchSigningIsOffByDefaultAndSwitchablePerToken() {
        SecurityServerConfig defaults = loader.load(SecurityServerConfig.DEFAULTS, null, List.of());
        assertThat(defaults.token().batchSettings()).isEqualTo(BatchSigning.OFF);
        assertThat(BatchSigning.OFF.maxWait()).isEqualTo(Duration.ofMillis(2));
        SecurityServerConfig on = loader.load(SecurityServerConfig.DEFAULTS, null, List.of("token.batchSigning=true"));
        assertThat(on.token().batchSettings()).isEqualTo(BatchSigning.on(Duration.ofMillis(2), 64));
        SecurityServerConfig tuned = loader.load(SecurityServerConfig.DEFAULTS, null, List.of("token.batchSigning=true",
                "token.batchMaxWaitMillis=5", "token.batchMaxSize=16"));
        assertThat(tuned.token().batchSettings()).isEqualTo(BatchSigning.on(Duration.ofMillis(5), 16));
        for (String bad : List.of("token.batchMaxWaitMillis=-1", "token.batchMaxWaitMillis=10001",
                "token.batchMaxSize=-3", "token.batchMaxSize=65537")) {
            assertThatThrownBy(() -> loader.load(SecurityServerConfig.DEFAULTS, null, List.of(bad)))
                    .as(bad).isInstanceOf(ZholException.class).hasMessageContaining("token.batch");
        }
    }

    @Test
    void registrationSection() {
        RegistrationConfig defaults = SecurityServerConfig.DEFAULTS.registration().registrationConfig();
        assertThat(defaults.centralUrl()).isEmpty();
        assertThat(defaults.centralTlsPin()).isEmpty();
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.checkInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofSeconds(60));

        String pin = "AB:" + "cd".repeat(31);
        RegistrationConfig set = loader.load(SecurityServerConfig.DEFAULTS, null, List.of(
                "registration.centralUrl=https://cs.example.org:4001", "registration.centralTlsSha256=" + pin,
                "registration.checkIntervalSeconds=1")).registration().registrationConfig();
        assertThat(set.centralUrl()).contains(URI.create("https://cs.example.org:4001/"));
        assertThat(set.centralTlsPin()).contains(new CertificateHash("ab" + "cd".repeat(31)));
        assertThat(set.checkInterval()).isEqualTo(Duration.ofSeconds(1));

        for (String bad : List.of("registration.centralUrl=http://cs.example.org:4001/",
                "registration.centralTlsSha256=abc", "registration.timeoutSeconds=-1")) {
            assertThatThrownBy(() -> loader.load(SecurityServerConfig.DEFAULTS, null, List.of(bad)))
                    .as(bad).isInstanceOfSatisfying(ZholException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_SERVER_CONF));
        }
    }

    @Test
    void messageLogSection() throws Exception {
        Path data = dir.resolve("data");
        MessageLogConfig defaults = loader.load(SecurityServerConfig.DEFAULTS, null, List.of("dataDir=" + data))
                .messageLog().messageLogConfig(data);
        assertThat(defaults.directory()).isEqualTo(data.resolve("messagelog"));
        assertThat(defaults.archiveDirectory()).isEqualTo(data.resolve("messagelog/archives"));
        assertThat(defaults.inlineBodyLimit()).isEqualTo(64 * 1024);
        assertThat(defaults.checkpointInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.stamping().acceptableFailurePeriod()).isEqualTo(Duration.ofHours(4));
        assertThat(defaults.archiving().keep()).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.bodyLogging()).isEqualTo(BodyLogging.FULL);

        Path file = Files.writeString(dir.resolve("log.yaml"), """
                messageLog:
                  directory: /var/lib/zhol/log
                  archiveDirectory: archives
                  acceptableFailurePeriodSeconds: 5
                  keepDays: 7
                  subsystems:
                    DEV/GOV/1001/REGISTRY: METADATA
                """);
        MessageLogConfig set = loader.load(SecurityServerConfig.DEFAULTS, file, List.of("dataDir=" + data,
                "messageLog.subsystems.DEV/GOV/1001/QUIET=metadata", "messageLog.checkpointIntervalMillis=250"))
                .messageLog().messageLogConfig(data);
        assertThat(set.directory()).isEqualTo(Path.of("/var/lib/zhol/log"));
        assertThat(set.archiveDirectory()).isEqualTo(data.resolve("archives"));
        assertThat(set.stamping().acceptableFailurePeriod()).isEqualTo(Duration.ofSeconds(5));
        assertThat(set.archiving().keep()).isEqualTo(Duration.ofDays(7));
        assertThat(set.checkpointInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(set.bodyLogging().defaultMode()).isEqualTo(LogMode.FULL);
        assertThat(set.bodyLogging().subsystems()).isEqualTo(Map.of(
                SubsystemId.parse("DEV/GOV/1001/REGISTRY"), LogMode.METADATA_ONLY,
                SubsystemId.parse("DEV/GOV/1001/QUIET"), LogMode.METADATA_ONLY));

        for (String bad : List.of("messageLog.bodyLogging=SOME", "messageLog.subsystems.DEV/GOV=FULL",
                "messageLog.keepDays=-1", "messageLog.inlineBodyLimitBytes=99999999")) {
            assertThatThrownBy(() -> loader.load(SecurityServerConfig.DEFAULTS, null, List.of(bad)))
                    .as(bad).isInstanceOfSatisfying(ZholException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_SERVER_CONF));
        }
    }
}
