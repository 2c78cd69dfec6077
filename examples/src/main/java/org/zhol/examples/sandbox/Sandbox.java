// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.examples.demo.DemoProvider;
import org.zhol.examples.demo.PersonDirectory;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.server.config.ListenerConfig;

/**
 * The sandbox federation of instance {@code DEV}, set up from nothing through the real flows: the dev CA
 * with its OCSP responder and the dev TSA; a central server approving registrations by policy; SS1 of the
 * Tax Board ({@code DEV/GOV/2002}) hosting the client subsystem {@code TAXES}; SS2 of the Population
 * Register ({@code DEV/GOV/1001}) hosting the provider subsystem {@code REGISTRY}, whose REST services
 * {@code persons} and {@code blobs} and SOAP service {@code getPerson} the demo provider serves, with access
 * rights granted to {@code DEV/GOV/2002/TAXES}. Both security servers log every message, sign a checkpoint
 * of their log every second and have it time-stamped by the dev TSA every
 * {@link #TIMESTAMPING_INTERVAL}.
 *
 * <p>The steps that do not depend on each other run in parallel: the trust services and the central
 * server, each security server's {@code init} and start, the demo provider and SS2's services; then both
 * servers join; then the central server publishes and both servers wait for their confirmations.
 */
public final class Sandbox implements AutoCloseable {

    /** The instance. */
    public static final String INSTANCE = "DEV";
    /** The Tax Board, owner of SS1. */
    public static final MemberId TAX_BOARD = MemberId.parse("DEV/GOV/2002");
    /** The Population Register, owner of SS2. */
    public static final MemberId POPULATION_REGISTER = MemberId.parse("DEV/GOV/1001");
    /** The consumer subsystem on SS1. */
    public static final SubsystemId TAXES = SubsystemId.parse("DEV/GOV/2002/TAXES");
    /** The provider subsystem on SS2. */
    public static final SubsystemId REGISTRY = SubsystemId.parse("DEV/GOV/1001/REGISTRY");
    /** The consumer's security server. */
    public static final SecurityServerId SS1 = new SecurityServerId(TAX_BOARD, "SS1");
    /** The provider's security server. */
    public static final SecurityServerId SS2 = new SecurityServerId(POPULATION_REGISTER, "SS2");
    /** The REST service code. */
    public static final String REST_SERVICE = "persons";
    /** The REST service of large bodies (the demo provider's {@code /blobs}). */
    public static final String BLOBS_SERVICE = "blobs";
    /** The SOAP service code. */
    public static final String SOAP_SERVICE = "getPerson";
    /** How often the sandbox's security servers stamp their message logs. */
    public static final Duration TIMESTAMPING_INTERVAL = Duration.ofSeconds(1);
    /** The longest wait for the registrations to be confirmed. */
    static final Duration CONFIRMATION_TIMEOUT = Duration.ofSeconds(60);

    private final SandboxConfig config;
    private final Federation federation;
    private final SecurityServerNode ss1;
    private final SecurityServerNode ss2;
    private final DemoProvider demo;

    private Sandbox(SandboxConfig config, Federation federation, SecurityServerNode ss1, SecurityServerNode ss2,
            DemoProvider demo) {
        this.config = config;
        this.federation = federation;
        this.ss1 = ss1;
        this.ss2 = ss2;
        this.demo = demo;
    }

    /**
     * Sets up a new sandbox in {@code config.workDir()}, which must not hold one yet, and starts it; returns
     * once every registration is confirmed. On failure whatever was started is stopped again.
     */
    public static Sandbox create(SandboxConfig config) {
        return create(config, List.of());
    }

    /**
     * As {@link #create(SandboxConfig)}, with {@code serverSettings} ({@code key=value}, e.g.
     * {@code messageLog.acceptableFailurePeriodSeconds=5}) written into both security servers'
     * configuration files.
     */
    public static Sandbox create(SandboxConfig config, List<String> serverSettings) {
        Path dir = config.workDir().toAbsolutePath();
        SandboxPorts ports = config.ports();
        List<AutoCloseable> started = new ArrayList<>();
        try (ExecutorService steps = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Federation> core = steps.submit(() -> federation(config, dir));
            Future<SecurityServerNode> consumer = steps.submit(() -> securityServer(config, SS1, ports.ss1(),
                    serverSettings));
            Future<SecurityServerNode> provider = steps.submit(() -> securityServer(config, SS2, ports.ss2(),
                    serverSettings));
            Future<DemoProvider> demoFuture = steps.submit(() -> new DemoProvider(
                    PersonDirectory.defaults(Clock.systemUTC()), config.host(), ports.demo()).start());
            awaitAll(List.of(core, consumer, provider, demoFuture), started);
            Sandbox sandbox = assemble(config, core.resultNow(), consumer.resultNow(), provider.resultNow(),
                    demoFuture.resultNow());
            Federation federation = sandbox.federation;
            SecurityServerNode ss1 = sandbox.ss1;
            SecurityServerNode ss2 = sandbox.ss2;
            started.clear();
            started.add(federation);
            awaitAll(List.of(
                    steps.submit(() -> federation.join(ss1, List.of(TAXES), List.of(), sandbox.address(ss1))),
                    steps.submit(() -> {
                        federation.join(ss2, List.of(REGISTRY), List.of(), sandbox.address(ss2));
                        sandbox.offerServices();
                    })), started);
            federation.central().publishNow();
            awaitAll(List.of(steps.submit(() -> ss1.awaitAllConfirmed(CONFIRMATION_TIMEOUT)),
                    steps.submit(() -> ss2.awaitAllConfirmed(CONFIRMATION_TIMEOUT))), started);
            return sandbox;
        } catch (RuntimeException | Error e) {
            closeQuietly(started, e);
            throw e;
        }
    }

    /**
     * Starts the sandbox that {@link #create} set up in {@code config.workDir()} earlier and that left
     * {@code state}, on the ports it had; returns once both security servers are healthy (a valid
     * configuration, fresh OCSP responses).
     */
    public static Sandbox resume(SandboxConfig config, SandboxState state) {
        Path dir = config.workDir().toAbsolutePath();
        SandboxConfig same = config.withPorts(state.ports());
        SandboxPorts ports = same.ports();
        List<AutoCloseable> started = new ArrayList<>();
        try (ExecutorService steps = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Federation> core = steps.submit(() -> {
                DevTrustServices trust = DevTrustServices.start(dir.resolve("trust"), same.host(), ports.ocsp(),
                        ports.tsa());
                try {
                    return new Federation(same.host(), trust, CentralNode.start(centralConfig(same, dir),
                            state.centralToken()));
                } catch (RuntimeException e) {
                    trust.close();
                    throw e;
                }
            });
            Future<SecurityServerNode> consumer = steps.submit(() -> SecurityServerNode.start(SecurityServerNode
                    .initialised(dir.resolve(SS1.serverCode()), state.ss1Token()), ports.ss1().settings(same.host())));
            Future<SecurityServerNode> provider = steps.submit(() -> SecurityServerNode.start(SecurityServerNode
                    .initialised(dir.resolve(SS2.serverCode()), state.ss2Token()), ports.ss2().settings(same.host())));
            Future<DemoProvider> demoFuture = steps.submit(() -> new DemoProvider(
                    PersonDirectory.defaults(Clock.systemUTC()), same.host(), ports.demo()).start());
            awaitAll(List.of(core, consumer, provider, demoFuture), started);
            Sandbox sandbox = assemble(same, core.resultNow(), consumer.resultNow(), provider.resultNow(),
                    demoFuture.resultNow());
            started.clear();
            started.add(sandbox.federation);
            sandbox.federation.central().publishNow();
            awaitAll(List.of(steps.submit(() -> sandbox.ss1.awaitHealthy(CONFIRMATION_TIMEOUT)),
                    steps.submit(() -> sandbox.ss2.awaitHealthy(CONFIRMATION_TIMEOUT))), started);
            return sandbox;
        } catch (RuntimeException | Error e) {
            closeQuietly(started, e);
            throw e;
        }
    }

    private static Sandbox assemble(SandboxConfig config, Federation federation, SecurityServerNode ss1,
            SecurityServerNode ss2, DemoProvider demo) {
        federation.manage(demo);
        federation.manage(ss2);
        federation.manage(ss1);
        return new Sandbox(config, federation, ss1, ss2, demo);
    }

    /** The central server's configuration: listeners on the sandbox's ports, 1 s generations, auto-approval. */
    private static CentralServerConfig centralConfig(SandboxConfig config, Path dir) {
        SandboxPorts ports = config.ports();
        return CentralServerConfig.DEFAULTS.withDataDir(dir.resolve("central").toString())
                .withListeners(new CentralServerConfig.Listeners(
                        new ListenerConfig(config.host(), ports.centralRegistration()),
                        new ListenerConfig(config.host(), ports.centralDownload()),
                        new ListenerConfig(config.host(), ports.centralAdmin())))
                .withPolicy(1, true);
    }

    /** The trust services and the central server with the registry of the sandbox. */
    private static Federation federation(SandboxConfig config, Path dir) {
        SandboxPorts ports = config.ports();
        DevTrustServices trust = DevTrustServices.start(dir.resolve("trust"), config.host(), ports.ocsp(), ports.tsa());
        CentralNode central;
        try {
            central = CentralNode.initialise(centralConfig(config, dir), INSTANCE);
        } catch (RuntimeException e) {
            trust.close();
            throw e;
        }
        Federation federation = new Federation(config.host(), trust, central);
        try {
            central.addMemberClass("GOV", "Government");
            central.addMember(TAX_BOARD, "Tax Board");
            central.addMember(POPULATION_REGISTER, "Population Register");
            central.addSubsystem(TAXES);
            central.addSubsystem(REGISTRY);
            central.approve(trust);
            central.setTimestampingInterval(TIMESTAMPING_INTERVAL);
            // At once, so that the anchor's first download already names the CA that certifies the keys.
            central.publishNow();
            return federation;
        } catch (RuntimeException e) {
            federation.close();
            throw e;
        }
    }

    /** {@code init} of one security server in {@code workDir/CODE}, then its start. */
    private static SecurityServerNode securityServer(SandboxConfig config, SecurityServerId id,
            SecurityServerPorts ports, List<String> extraSettings) {
        List<String> settings = new ArrayList<>(ports.settings(config.host()));
        settings.add("registration.checkIntervalSeconds=1");
        settings.addAll(extraSettings);
        SecurityServerNode.Initialised made = SecurityServerNode.initialise(id,
                config.workDir().toAbsolutePath().resolve(id.serverCode()), config.pin(), settings);
        return SecurityServerNode.start(made);
    }

    /** REGISTRY's services on SS2 (REGISTRY added already), served by the demo provider, and TAXES's access rights to them. */
    private void offerServices() {
        String base = "http://" + config.host() + ":" + demo.port();
        ss2.addRestService(REGISTRY, REST_SERVICE, URI.create(base + "/persons"),
                URI.create(base + "/persons/openapi.json"));
        ss2.addRestService(REGISTRY, BLOBS_SERVICE, URI.create(base + "/blobs"),
                URI.create(base + "/openapi/blobs.json"));
        ss2.addSoapService(REGISTRY, SOAP_SERVICE, URI.create(base + "/soap"), URI.create(base + "/soap/persons.wsdl"));
        ss2.grant(REGISTRY, REST_SERVICE, TAXES, "GET", "/**");
        ss2.grant(REGISTRY, REST_SERVICE, TAXES, "POST", "/{id}/address-changes");
        ss2.grant(REGISTRY, BLOBS_SERVICE, TAXES, "GET", "/*");
        ss2.grant(REGISTRY, BLOBS_SERVICE, TAXES, "POST", "/digest");
        ss2.grant(REGISTRY, SOAP_SERVICE, TAXES, "*", "**");
    }

    private String address(SecurityServerNode node) {
        return config.host() + ":" + node.server().serverProxyPort();
    }

    /**
     * Waits for every step; the closeable results go to {@code started}. When any step failed, throws the
     * first failure once all have ended, so that no step is left running.
     */
    private static void awaitAll(List<? extends Future<?>> stepsToWait, List<AutoCloseable> started) {
        RuntimeException failure = null;
        for (Future<?> step : stepsToWait) {
            try {
                if (step.get() instanceof AutoCloseable part) {
                    started.add(part);
                }
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : ZholException.internal(ErrorCode.INTERNAL_ERROR, "A sandbox step failed: " + e.getCause(),
                                e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Interrupted while setting up the sandbox", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void closeQuietly(List<AutoCloseable> started, Throwable failure) {
        for (AutoCloseable part : started.reversed()) {
            try {
                part.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** Where everything listens (the bound ports) and the admin tokens. */
    public SandboxState state() {
        DevTrustServices trust = federation.trust();
        java.util.Map<String, Integer> central = federation.central().ports();
        return new SandboxState(config.host(), new SandboxPorts(trust.ocsp().port(), trust.tsa().port(),
                central.get("registration"), central.get("download"), central.get("admin"), bound(ss1), bound(ss2),
                demo.port()), federation.central().api().token(), ss1.api().token(), ss2.api().token());
    }

    private static SecurityServerPorts bound(SecurityServerNode node) {
        return new SecurityServerPorts(node.server().clientHttpPort(), node.server().clientHttpsPort(),
                node.server().serverProxyPort(), node.server().adminPort());
    }

    public SandboxConfig config() {
        return config;
    }

    public Federation federation() {
        return federation;
    }

    public SecurityServerNode ss1() {
        return ss1;
    }

    public SecurityServerNode ss2() {
        return ss2;
    }

    public DemoProvider demo() {
        return demo;
    }

    /** Stops everything, SS1 first, the trust services last. */
    @Override
    public void close() {
        federation.close();
    }
}
