// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.zhol.protocol.cert.CertificateProfiles;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.protocol.crypto.CadesVerifier;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.testpki.TestPki;
import org.zhol.securityserver.config.BatchSigning;
import org.zhol.securityserver.config.ExchangeConfig;
import org.zhol.securityserver.globalconf.ConfigurationStatus;
import org.zhol.securityserver.globalconf.CurrentConfiguration;
import org.zhol.securityserver.messagelog.ExchangeLogAdapter;
import org.zhol.securityserver.messagelog.MessageLogConfig;
import org.zhol.securityserver.messagelog.MessageLogService;
import org.zhol.securityserver.messagelog.OwnerCheckpointSigning;
import org.zhol.securityserver.metaservice.DescriptionClient;
import org.zhol.securityserver.metaservice.MetaserviceConfig;
import org.zhol.securityserver.metaservice.MetaserviceProvider;
import org.zhol.securityserver.ocsp.OwnOcspResponses;
import org.zhol.securityserver.ocsp.OwnOcspStatus;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.securityserver.signer.SoftwareToken;
import org.zhol.securityserver.signer.TokenConfig;
import org.zhol.securityserver.store.SqlAccessRightRepository;
import org.zhol.securityserver.store.SqlArchiveRepository;
import org.zhol.securityserver.store.SqlCheckpointRepository;
import org.zhol.securityserver.store.SqlIsAuthenticationRepository;
import org.zhol.securityserver.store.SqlLocalClientRepository;
import org.zhol.securityserver.store.SqlLogRecordRepository;
import org.zhol.securityserver.store.SqlServiceRepository;
import org.zhol.securityserver.store.SqlTimestampRepository;
import org.zhol.server.store.Database;
import org.zhol.server.store.TestDatabases;

/**
 * Two security servers' exchange logic wired as {@code SecurityServer} wires it, with real tokens, real
 * H2 registries and message logs, real signatures and OCSP responses from a test CA, over
 * {@link MemoryPeers} instead of TLS: SS1 hosts the consumer {@code DEV/GOV/1001/CONSUMER}, SS2 the provider {@code DEV/COM/2002/PROVIDER}.
 */
final class ExchangeWorld implements AutoCloseable {

    static final MemberId GOV = MemberId.parse("DEV/GOV/1001");
    static final MemberId COM = MemberId.parse("DEV/COM/2002");
    static final SubsystemId CONSUMER = GOV.subsystem("CONSUMER");
    static final SubsystemId PROVIDER = COM.subsystem("PROVIDER");
    static final SecurityServerId SS1 = new SecurityServerId(GOV, "SS1");
    static final SecurityServerId SS2 = new SecurityServerId(COM, "SS2");
    static final PinSource PIN = PinSource.of("1234".toCharArray());

    final TestPki.Issuer ca = TestPki.rootCa("CN=Exchange CA, O=Zhol");
    final Conf conf = new Conf();
    final Node ss1;
    final Node ss2;

    ExchangeWorld(Path dir, ExchangeConfig settings) {
        this(dir, settings, BatchSigning.OFF);
    }

    /** Both servers sign with {@code batching}. */
    ExchangeWorld(Path dir, ExchangeConfig settings, BatchSigning batching) {
        this(dir, settings, batching, (id, config) -> config);
    }

    /** Both servers sign with {@code batching}; {@code logConfig} sets each server's message log. */
    ExchangeWorld(Path dir, ExchangeConfig settings, BatchSigning batching,
            BiFunction<SecurityServerId, MessageLogConfig, MessageLogConfig> logConfig) {
        ss1 = new Node(dir.resolve("ss1"), SS1, settings, batching, logConfig);
        ss2 = new Node(dir.resolve("ss2"), SS2, settings, batching, logConfig);
        conf.set(configuration(ca));
        ss1.peers.serve(SS2, ss2.serverProxy);
        ss2.peers.serve(SS1, ss1.serverProxy);
    }

    static GlobalConfiguration configuration(TestPki.Issuer ca) {
        return new GlobalConfiguration("DEV", List.of(new MemberClass("GOV", "Government"),
                new MemberClass("COM", "Companies")),
                List.of(new Member(GOV, "Gov", List.of(CONSUMER)), new Member(COM, "Com", List.of(PROVIDER))),
                List.of(new SecurityServer(SS1, "127.0.0.1", List.of(), List.of(CONSUMER), false),
                        new SecurityServer(SS2, "127.0.0.1", List.of(), List.of(PROVIDER), false)),
                List.of(), List.of(new ApprovedCa("Exchange CA", ca.certificate(), List.of(),
                        List.of(new OcspResponder(java.net.URI.create("http://127.0.0.1:1/"), Optional.empty())),
                        DefaultCertificateProfile.ID)),
                List.of(), TrustParameters.DEFAULTS);
    }

    /** The configuration both servers see; it can expire. */
    static final class Conf implements CurrentConfiguration {
        private volatile GlobalConfiguration current;
        private volatile boolean expired;

        void set(GlobalConfiguration conf) {
            current = conf;
        }

        void expire(boolean on) {
            expired = on;
        }

        @Override
        public GlobalConfiguration require() {
            if (expired || current == null) {
                throw ZholException.internal(ErrorCode.OUTDATED_GLOBAL_CONF, "The global configuration has expired",
                        null);
            }
            return current;
        }

        @Override
        public Optional<Instant> expiresAt() {
            return Optional.empty();
        }

        @Override
        public ConfigurationStatus status() {
            throw new UnsupportedOperationException();
        }
    }

    /** OCSP responses of the own certificates, made by the test CA. */
    static final class Ocsp implements OwnOcspResponses {
        final Map<X509Certificate, byte[]> responses = new ConcurrentHashMap<>();

        @Override
        public Optional<byte[]> freshResponse(X509Certificate certificate) {
            return Optional.ofNullable(responses.get(certificate));
        }

        @Override
        public Optional<byte[]> freshResponse(CertificateHash certificateHash) {
            return responses.entrySet().stream().filter(e -> CertificateHash.of(e.getKey()).equals(certificateHash))
                    .map(Map.Entry::getValue).findFirst();
        }

        @Override
        public List<OwnOcspStatus> status() {
            return List.of();
        }

        @Override
        public List<String> problems() {
            return List.of();
        }
    }

    /** One server's exchange logic. */
    final class Node implements AutoCloseable {
        final SecurityServerId id;
        final Database db;
        final ServiceRegistry registry;
        final SqlIsAuthenticationRepository isAuthentication;
        final SoftwareToken token;
        final CountingSigner signer;
        final Ocsp ocsp = new Ocsp();
        final MemoryPeers peers;
        final ProviderClient provider = new ProviderClient(Duration.ofSeconds(2));
        final HttpClient descriptions = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        final MetaserviceProvider metaservices;
        final MessageLogService log;
        final ExchangeContext context;
        final ClientProxy clientProxy;
        final ServerProxy serverProxy;
        final X509Certificate signCertificate;

        Node(Path dir, SecurityServerId id, ExchangeConfig settings, BatchSigning batching,
                BiFunction<SecurityServerId, MessageLogConfig, MessageLogConfig> logConfig) {
            this.id = id;
            db = Database.open(TestDatabases.fresh(TestDatabases.Kind.H2, dir), org.zhol.securityserver.SecurityServer.MIGRATIONS);
            registry = new ServiceRegistry(new SqlLocalClientRepository(db), new SqlServiceRepository(db),
                    new SqlAccessRightRepository(db));
            isAuthentication = new SqlIsAuthenticationRepository(db);
            token = new SoftwareToken(TokenConfig.Software.in(dir.resolve("keys")), new DefaultCertificateProfile());
            token.open(PIN);
            KeyInfo key = token.generateKey(KeyRole.SIGN, Optional.of(id.owner()), "sign");
            signCertificate = ca.issue(TestPki.Spec.sign("CN=" + id.owner().memberCode() + ", O="
                    + id.owner().memberClass() + ", serialNumber=" + id.owner().toPath()), key.publicKey());
            token.importCertificate(encoded(signCertificate));
            ocsp.responses.put(signCertificate, SignatureFixture.ocspResponse(ca, signCertificate, Instant.now(),
                    CertificateStatus.GOOD));
            peers = new MemoryPeers(id);
            signer = new CountingSigner(token);
            log = new MessageLogService(logConfig.apply(id, MessageLogConfig.defaults(dir)), id, new MessageLogService.Parts(
                    new SqlLogRecordRepository(db), new SqlCheckpointRepository(db), new SqlTimestampRepository(db),
                    new SqlArchiveRepository(db), new OwnerCheckpointSigning(token, ocsp, id.owner()), conf::require),
                    Clock.systemUTC()).start();
            context = new ExchangeContext(id, conf, new MemberSigning(signer, ocsp, batching),
                    new SignatureCheck(new CadesVerifier(), CertificateProfiles.standard()), new ExchangeLogAdapter(log),
                    settings, Clock.systemUTC());
            clientProxy = new ClientProxy(context, registry, isAuthentication, peers);
            metaservices = new MetaserviceProvider(registry, new DescriptionClient(descriptions,
                    MetaserviceConfig.DEFAULTS), MetaserviceConfig.DEFAULTS);
            serverProxy = new ServerProxy(context, registry, provider, metaservices);
        }

        @Override
        public void close() {
            log.close();
            provider.close();
            descriptions.close();
            token.close();
            db.close();
        }
    }

    static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        ss1.close();
        ss2.close();
    }
}
