// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.zhol.centralserver.CentralServer;
import org.zhol.centralserver.CentralServerExtension;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.server.config.ListenerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code start}: runs the central server until SIGTERM or Ctrl-C (or {@link #stop()}), then stops it
 * cleanly. Prints the bound ports once the listeners are up.
 */
@Command(name = "start", description = "Run the central server until SIGTERM or Ctrl-C.")
public final class StartCommand implements Callable<Integer> {

    private final List<CentralServerExtension> extensions;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    @Mixin ConfigOptions configOptions;
    @Spec CommandSpec spec;

    public StartCommand(List<CentralServerExtension> extensions) {
        this.extensions = List.copyOf(extensions);
    }

    /** Asks a running {@code start} to stop; it returns once the server is closed. */
    public void stop() {
        stopRequested.countDown();
    }

    @Override
    public Integer call() throws InterruptedException {
        return run(configOptions, spec.commandLine().getOut());
    }

    /**
     * Runs {@code start ARGS} without picocli when {@link StartArguments} understands {@code args} (the
     * arguments after {@code start}); faults are printed and give exit code 1, as on the command line.
     *
     * @return the exit code, or empty when the arguments need picocli's command line
     */
    public Optional<Integer> runDirectly(List<String> args, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        Optional<ConfigOptions> options = StartArguments.read(args);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(run(options.get(), out));
        } catch (RuntimeException e) {
            return Optional.of(CliFailure.report(e, err));
        }
    }

    private int run(ConfigOptions options, PrintWriter out) throws InterruptedException {
        CentralServerConfig config = options.load();
        long began = System.nanoTime();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "zhol-central-shutdown");
        // The hook goes in before the server starts, so that a SIGTERM during the start also stops it
        // cleanly (once it is up) instead of ending the process under it.
        Runtime.getRuntime().addShutdownHook(hook);
        try (CentralServer server = new CentralServer(config, extensions).start()) {
            report(server, config, (System.nanoTime() - began) / 1_000_000, out);
            stopRequested.await();
            out.println("Stopping");
            out.flush();
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNotAdded) {
                // nothing to undo
            }
        }
        return 0;
    }

    private static void report(CentralServer server, CentralServerConfig config, long millis, PrintWriter out) {
        out.println("Central server for instance " + server.context().config().instance() + " started in " + millis
                + " ms");
        server.ports().forEach((name, port) -> out.println(String.format("  %-13s %s:%d", name,
                host(config, name), port)));
        out.flush();
    }

    private static String host(CentralServerConfig config, String listener) {
        ListenerConfig l = switch (listener) {
            case "admin" -> config.listeners().admin();
            case "registration" -> config.listeners().registration();
            default -> config.listeners().download();
        };
        return l.host();
    }
}
