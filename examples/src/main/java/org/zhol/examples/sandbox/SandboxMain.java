// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.zhol.examples.demo.DemoConsumer;
import org.zhol.examples.demo.Person;
import org.zhol.examples.demo.PersonDirectory;
import org.zhol.protocol.error.ZholException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./zhol sandbox}: the whole sandbox federation in this process, until Ctrl-C. Each start sets
 * up a new federation from nothing in the work directory (which it wipes first), unless {@code --keep}
 * asks to reuse the one a previous run left there.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = SandboxEvidence.class,
        description = {"Runs a whole Zhol federation on this machine: dev CA with OCSP responder and TSA, a central "
                + "server (instance DEV), SS1 (Tax Board, client TAXES), SS2 (Population Register, provider REGISTRY) "
                + "and the demo provider; prints the endpoints and examples, then runs until Ctrl-C."})
public final class SandboxMain implements Callable<Integer> {

    /** The log file in the work directory. */
    public static final String LOG_FILE = "sandbox.log";
    /** The lock file in the work directory, held while a sandbox runs there. */
    static final String LOCK_FILE = SandboxLock.FILE;
    /** The longest a Ctrl-C waits for the set-up to end and everything to close. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(120);

    @Spec
    CommandSpec spec;

    @Option(names = "--work-dir", defaultValue = ".zhol-sandbox",
            description = "Where the sandbox keeps its state and log (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Option(names = "--keep", description = "Reuse the federation a previous run left in the work directory "
            + "(keys, registrations, message logs) instead of setting up a new one; its ports are reused too.")
    boolean keep;

    @Option(names = "--random-ports", description = "Let the system pick every port (the printed guide names "
            + "them), e.g. for a second sandbox beside the first; the port options are then ignored.")
    boolean randomPorts;

    @Option(names = "--load", paramLabel = "N", description = "Send N mixed requests (REST GET by id, GET ?name=, "
            + "POST address change, SOAP getPerson) from the demo consumer through SS1, print a summary (req/s, "
            + "latency, errors), then stop; exit code 1 when any failed. While a sandbox runs in the work directory, "
            + "the requests go to that one instead.")
    int load;
    @Option(names = "--load-concurrency", paramLabel = "C", defaultValue = "8",
            description = "Requests in flight at a time with --load (default: ${DEFAULT-VALUE}).")
    int loadConcurrency;
    @Option(names = "--progress", defaultValue = "AUTO", description = "How --load shows progress on stderr: "
            + "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: a bar on a terminal, a line every 5 s otherwise).")
    LoadProgress.Mode progressMode;

    @Option(names = "--ocsp-port", defaultValue = "8888", description = "Dev CA's OCSP responder (default: ${DEFAULT-VALUE}).")
    int ocspPort;
    @Option(names = "--tsa-port", defaultValue = "8899", description = "Dev TSA (default: ${DEFAULT-VALUE}).")
    int tsaPort;
    @Option(names = "--central-registration-port", defaultValue = "4001",
            description = "Central server's registration listener, HTTPS (default: ${DEFAULT-VALUE}).")
    int centralRegistrationPort;
    @Option(names = "--central-download-port", defaultValue = "8070",
            description = "Central server's configuration download (default: ${DEFAULT-VALUE}).")
    int centralDownloadPort;
    @Option(names = "--central-admin-port", defaultValue = "4002",
            description = "Central server's admin API (default: ${DEFAULT-VALUE}).")
    int centralAdminPort;
    @Option(names = "--ss1-http-port", defaultValue = "8080", description = "SS1's client proxy, HTTP (default: ${DEFAULT-VALUE}).")
    int ss1Http;
    @Option(names = "--ss1-https-port", defaultValue = "8443", description = "SS1's client proxy, HTTPS (default: ${DEFAULT-VALUE}).")
    int ss1Https;
    @Option(names = "--ss1-server-port", defaultValue = "5500", description = "SS1's server proxy (default: ${DEFAULT-VALUE}).")
    int ss1Server;
    @Option(names = "--ss1-admin-port", defaultValue = "4000", description = "SS1's admin API (default: ${DEFAULT-VALUE}).")
    int ss1Admin;
    @Option(names = "--ss2-http-port", defaultValue = "8081", description = "SS2's client proxy, HTTP (default: ${DEFAULT-VALUE}).")
    int ss2Http;
    @Option(names = "--ss2-https-port", defaultValue = "8444", description = "SS2's client proxy, HTTPS (default: ${DEFAULT-VALUE}).")
    int ss2Https;
    @Option(names = "--ss2-server-port", defaultValue = "5501", description = "SS2's server proxy (default: ${DEFAULT-VALUE}).")
    int ss2Server;
    @Option(names = "--ss2-admin-port", defaultValue = "4100", description = "SS2's admin API (default: ${DEFAULT-VALUE}).")
    int ss2Admin;
    @Option(names = "--demo-port", defaultValue = "9000", description = "Demo provider (default: ${DEFAULT-VALUE}).")
    int demoPort;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The command line: {@code sandbox [OPTIONS]}; faults print as one line, not a stack trace. */
    public static CommandLine commandLine() {
        return commandLine(new SandboxMain());
    }

    /** The command line of {@code main}, which a test may {@link #stop()}. */
    static CommandLine commandLine(SandboxMain main) {
        CommandLine cli = new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("sandbox: " + (e instanceof ZholException z ? z.code().name() + ": " + z.detail()
                    : e.toString()));
            return 1;
        });
        return cli;
    }

    SandboxPorts ports() {
        if (randomPorts) {
            return SandboxPorts.EPHEMERAL;
        }
        return new SandboxPorts(ocspPort, tsaPort, centralRegistrationPort, centralDownloadPort, centralAdminPort,
                new SecurityServerPorts(ss1Http, ss1Https, ss1Server, ss1Admin),
                new SecurityServerPorts(ss2Http, ss2Https, ss2Server, ss2Admin), demoPort);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (load < 0 || loadConcurrency < 1 || loadConcurrency > SandboxLoad.MAX_CONCURRENCY) {
            err.println("sandbox: --load takes a number of requests >= 1 and --load-concurrency 1-"
                    + SandboxLoad.MAX_CONCURRENCY);
            return 2;
        }
        Path dir = workDir.toAbsolutePath().normalize();
        if (!looksLikeSandbox(dir)) {
            err.println("sandbox: " + dir + " is not empty and holds no sandbox; the sandbox wipes its work "
                    + "directory, so choose an empty or new one with --work-dir");
            return 2;
        }
        Files.createDirectories(dir);
        Optional<SandboxLock> lock = SandboxLock.tryAcquire(dir);
        if (lock.isEmpty()) {
            return load > 0 ? loadAgainstRunning(dir, out, err) : alreadyRunning(dir, err);
        }
        try (SandboxLock held = lock.get()) {
            return run(dir, out, err);
        }
    }

    /** Asks a sandbox running in this process (a test) to stop, as Ctrl-C does. */
    void stop() {
        stopRequested.countDown();
    }

    /** The one line for a second {@code ./zhol sandbox} in a work directory whose sandbox runs. */
    private static int alreadyRunning(Path dir, PrintWriter err) {
        String pid = SandboxLock.holderPid(dir).map(p -> "pid " + p + ", ").orElse("");
        String where = readState(dir).map(s -> "SS1 client proxy " + SandboxGuide.clientProxy(s) + ", all ports in "
                + dir.resolve(SandboxState.FILE)).orElse("still starting");
        err.println("sandbox: a sandbox is already running in " + dir + " (" + pid + where + "); stop it with Ctrl-C "
                + "in its terminal, send it requests with --load N, or start another beside it with --work-dir "
                + "OTHER-DIR --random-ports");
        err.flush();
        return 2;
    }

    /** {@code --load N} while a sandbox runs in {@code dir}: the load goes to that one. */
    private int loadAgainstRunning(Path dir, PrintWriter out, PrintWriter err) {
        Optional<SandboxState> state = readState(dir);
        if (state.isEmpty()) {
            err.println("sandbox: the sandbox in " + dir + " is still starting; try --load again once it is ready");
            return 2;
        }
        out.println("Sending " + load + " requests, " + loadConcurrency + " at a time, to the sandbox running in "
                + dir + " ...");
        out.flush();
        return sendLoad(state.get(), out, err);
    }

    private static Optional<SandboxState> readState(Path dir) {
        try {
            return SandboxState.read(dir);
        } catch (ZholException unreadable) {
            return Optional.empty();
        }
    }

    private int run(Path dir, PrintWriter out, PrintWriter err) throws Exception {
        Optional<SandboxState> previous = keep ? SandboxState.read(dir) : Optional.empty();
        if (keep && previous.isEmpty()) {
            err.println("sandbox: no complete sandbox in " + dir + " to keep; setting up a new one");
        }
        if (previous.isEmpty()) {
            wipe(dir);
        }
        SandboxConfig config = new SandboxConfig(dir, SandboxConfig.DEFAULT_HOST,
                previous.map(SandboxState::ports).orElse(ports()), SandboxConfig.DEFAULT_PIN);
        String busy = busyPorts(config);
        if (!busy.isEmpty()) {
            err.println("sandbox: in use by another program: " + busy + "; stop it, or choose other ports "
                    + "(--random-ports picks free ones; ./zhol sandbox --help lists the port options)");
            return 2;
        }
        // Deviation: system properties set in Main only, for logback, before anything logs.
        System.setProperty("zhol.sandbox.log", dir.resolve(LOG_FILE).toString());
        System.setProperty("logback.configurationFile", "org/zhol/examples/sandbox/sandbox-logback.xml");
        // Logging starts here, on this thread, rather than in the parallel setup steps (SLF4J would replay them).
        org.slf4j.LoggerFactory.getLogger(SandboxMain.class).info("sandbox in {}", dir);
        // Ctrl-C (or SIGTERM) from here on: the hook asks this thread to stop and waits until it has closed
        // everything, also when it comes during the set-up, which is then finished first.
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                closed.await(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "zhol-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            out.println(previous.isPresent() ? "Starting the sandbox kept in " + dir + " ..."
                    : "Setting up the sandbox federation in " + dir + " ...");
            out.flush();
            Sandbox sandbox = previous.isPresent() ? Sandbox.resume(config, previous.get()) : Sandbox.create(config);
            try {
                return serve(sandbox, dir, out, err);
            } finally {
                out.println();
                out.println("Stopping the sandbox ...");
                out.flush();
                sandbox.close();
                out.println("Stopped; its state stays in " + dir + " for --keep.");
                out.flush();
            }
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now and waits for `closed`
            }
        }
    }

    /** Prints the guide, then sends the load or waits for Ctrl-C: the exit code. */
    private int serve(Sandbox sandbox, Path dir, PrintWriter out, PrintWriter err) throws InterruptedException {
        SandboxState state = sandbox.state();
        state.write(dir);
        Path soap = SandboxGuide.writeSoapExample(dir);
        // From the JVM's start (a launcher script that exec'd it, and its build, do not count).
        double ready = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        out.println();
        out.print(SandboxGuide.text(state, dir, shown(soap), ready));
        out.flush();
        if (load > 0) {
            if (stopRequested.getCount() == 0) {
                return 0;
            }
            out.println();
            out.println("Sending " + load + " requests, " + loadConcurrency + " at a time ...");
            out.flush();
            return sendLoad(state, out, err);
        }
        stopRequested.await();
        return 0;
    }

    /** Runs the load against {@code state}'s SS1 and prints the summary: 0 when every request succeeded, else 1. */
    private int sendLoad(SandboxState state, PrintWriter out, PrintWriter err) {
        DemoConsumer consumer = new DemoConsumer(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .build(), URI.create(SandboxGuide.clientProxy(state)), Sandbox.TAXES, Sandbox.REGISTRY,
                Sandbox.REST_SERVICE, Sandbox.SOAP_SERVICE);
        PersonDirectory register = PersonDirectory.defaults(Clock.systemUTC());
        List<Person> persons = register.ids().stream().map(id -> register.find(id).orElseThrow()).toList();
        LoadProgress progress = new LoadProgress(err, LoadProgress.resolve(progressMode, terminal()));
        LoadReport report = new SandboxLoad(consumer, persons).run(load, loadConcurrency, progress,
                () -> stopRequested.getCount() == 0);
        out.print(report.text());
        out.flush();
        return report.errorCount() == 0 && report.requests() == report.planned() ? 0 : 1;
    }

    /** Whether this process talks to a terminal (for the progress bar). */
    private static boolean terminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Deviation: Console.isTerminal() is JDK 22+; the build targets 21, where a console means a terminal.
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException before22) {
            return true;
        }
    }

    /** The SOAP file as the user may type it: relative to the current directory when it is below it. */
    private static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }

    /** The option of each port, by its name in {@link SandboxPorts#byName()}. */
    private static final Map<String, String> OPTIONS = Map.ofEntries(Map.entry("OCSP responder", "--ocsp-port"),
            Map.entry("TSA", "--tsa-port"), Map.entry("central registration", "--central-registration-port"),
            Map.entry("central download", "--central-download-port"), Map.entry("central admin", "--central-admin-port"),
            Map.entry("SS1 client proxy HTTP", "--ss1-http-port"), Map.entry("SS1 client proxy HTTPS", "--ss1-https-port"),
            Map.entry("SS1 server proxy", "--ss1-server-port"), Map.entry("SS1 admin", "--ss1-admin-port"),
            Map.entry("SS2 client proxy HTTP", "--ss2-http-port"), Map.entry("SS2 client proxy HTTPS", "--ss2-https-port"),
            Map.entry("SS2 server proxy", "--ss2-server-port"), Map.entry("SS2 admin", "--ss2-admin-port"),
            Map.entry("demo provider", "--demo-port"));

    /** The ports of {@code config} that something else listens on already, as "8080 (SS1 ...)". */
    static String busyPorts(SandboxConfig config) throws IOException {
        InetAddress host = InetAddress.getByName(config.host());
        StringBuilder busy = new StringBuilder();
        for (Map.Entry<String, Integer> port : config.ports().byName().entrySet()) {
            if (port.getValue() == 0) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(host, port.getValue()));
            } catch (IOException inUse) {
                busy.append(busy.isEmpty() ? "" : ", ").append(port.getValue()).append(" (").append(port.getKey())
                        .append(", ").append(OPTIONS.getOrDefault(port.getKey(), "--random-ports")).append(')');
            }
        }
        return busy.toString();
    }

    /** Whether {@code dir} is missing, empty, or holds a sandbox's files: a directory the sandbox may wipe. */
    static boolean looksLikeSandbox(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            return names.isEmpty() || names.contains(LOCK_FILE) || names.contains(SandboxState.FILE);
        }
    }

    /** Deletes everything in {@code dir} but the lock file. */
    static void wipe(Path dir) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : all) {
            if (!path.equals(dir) && !path.equals(dir.resolve(LOCK_FILE))) {
                Files.delete(path);
            }
        }
    }
}
