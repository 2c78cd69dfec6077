// SPDX-License-Identifier: MIT
package org.zhol.examples.sandbox;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
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
        description = {"Runs a whole Zhol federation on this machine: dev CA with OCSP responder and TSA, a central "
                + "server (instance DEV), SS1 (Tax Board, client TAXES), SS2 (Population Register, provider REGISTRY) "
                + "and the demo provider; prints the endpoints and examples, then runs until Ctrl-C."})
public final class SandboxMain implements Callable<Integer> {

    /** The log file in the work directory. */
    public static final String LOG_FILE = "sandbox.log";
    /** The lock file in the work directory, held while a sandbox runs there. */
    static final String LOCK_FILE = "sandbox.lock";

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

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The command line: {@code sandbox [OPTIONS]}; faults print as one line, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SandboxMain());
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
        Path dir = workDir.toAbsolutePath().normalize();
        if (!looksLikeSandbox(dir)) {
            err.println("sandbox: " + dir + " is not empty and holds no sandbox; the sandbox wipes its work "
                    + "directory, so choose an empty or new one with --work-dir");
            return 2;
        }
        Files.createDirectories(dir);
        try (FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = tryLock(lockChannel)) {
            if (lock == null) {
                err.println("sandbox: a sandbox is already running in " + dir + "; stop it first (Ctrl-C in its "
                        + "terminal), or start another with --work-dir and other ports.");
                return 2;
            }
            return run(dir, out, err);
        }
    }

    private int run(Path dir, PrintWriter out, PrintWriter err) throws Exception {
        java.util.Optional<SandboxState> previous = keep ? SandboxState.read(dir) : java.util.Optional.empty();
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
            err.println("sandbox: these ports are in use: " + busy + ".\n"
                    + "Stop what uses them, or choose others (./zhol sandbox --help lists the port options).");
            return 2;
        }
        // Deviation: system properties set in Main only, for logback, before anything logs.
        System.setProperty("zhol.sandbox.log", dir.resolve(LOG_FILE).toString());
        System.setProperty("logback.configurationFile", "org/zhol/examples/sandbox/sandbox-logback.xml");
        // Logging starts here, on this thread, rather than in the parallel setup steps (SLF4J would replay them).
        org.slf4j.LoggerFactory.getLogger(SandboxMain.class).info("sandbox in {}", dir);
        out.println(previous.isPresent() ? "Starting the sandbox kept in " + dir + " ..."
                : "Setting up the sandbox federation in " + dir + " ...");
        out.flush();
        Sandbox sandbox = previous.isPresent() ? Sandbox.resume(config, previous.get()) : Sandbox.create(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println();
            out.println("Stopping the sandbox ...");
            out.flush();
            sandbox.close();
            out.println("Stopped.");
            out.flush();
            stopped.countDown();
        }, "zhol-sandbox-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        SandboxState state = sandbox.state();
        state.write(dir);
        Path soap = SandboxGuide.writeSoapExample(dir);
        // From the JVM's start (a launcher script that exec'd it, and its build, do not count).
        double ready = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        out.println();
        out.print(SandboxGuide.text(state, dir, shown(soap), ready));
        out.flush();
        stopped.await();
        return 0;
    }

    /** The lock, or null when another process (or this one) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldHere) {
            return null;
        }
    }

    /** The SOAP file as the user may type it: relative to the current directory when it is below it. */
    private static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        return file.startsWith(here) ? here.relativize(file).toString() : file.toString();
    }

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
                        .append(')');
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
