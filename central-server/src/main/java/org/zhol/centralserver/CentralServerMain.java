// SPDX-License-Identifier: MIT
package org.zhol.centralserver;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.zhol.centralserver.cli.Commands;
import org.zhol.centralserver.cli.InitCommand;
import org.zhol.centralserver.cli.StartCommand;
import org.zhol.centralserver.globalconf.PublishingExtension;
import org.zhol.centralserver.management.ManagementExtension;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The central server's command line: {@code init}, {@code start} and the admin commands (see the
 * README). This is where the parts built elsewhere are plugged in, in {@link #extensions()}.
 */
@Command(name = CentralServerMain.NAME, mixinStandardHelpOptions = true, version = "Zhol central server 0.1.0",
        description = "The Zhol central server: member registry, trust services and global configuration.")
public final class CentralServerMain {

    /** The command's name in usage and error messages. */
    static final String NAME = "zhol-central";

    private final InitCommand init;
    private final StartCommand start;

    /** @param extensions the parts built elsewhere, in the order they are called */
    public CentralServerMain(List<CentralServerExtension> extensions) {
        this.init = new InitCommand(extensions);
        this.start = new StartCommand(extensions);
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(new CentralServerMain(extensions()).execute(new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), args));
    }

    /**
     * Runs the command line on {@code args}: {@code start} with plain options without picocli (see
     * {@link StartCommand#runDirectly}), everything else on {@link #commandLine(String...)}.
     *
     * @return the exit code
     */
    public int execute(PrintWriter out, PrintWriter err, String... args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("start")) {
            Optional<Integer> exit = start.runDirectly(List.of(args).subList(1, args.length), out, err);
            if (exit.isPresent()) {
                return exit.get();
            }
        }
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /**
     * The extensions of a production server, in this order: the management requests (registration TLS
     * and routes, admin {@code /requests}, re-applying interrupted approvals at start), then publishing
     * (signing key 1 at {@code init}, keys and the generation loop at start, download routes, admin
     * {@code /anchor}, {@code /keys}, {@code /configuration/publish}). Management comes first so that
     * recovered requests are in the first generation of a run.
     */
    static List<CentralServerExtension> extensions() {
        return extensions(Optional.ofNullable(System.getenv("ZHOL_KEYSTORE_PASSWORD")));
    }

    /** The production extensions with the key store password from the environment, if any. */
    public static List<CentralServerExtension> extensions(Optional<String> keyStorePassword) {
        Clock clock = Clock.systemUTC();
        return List.of(new ManagementExtension(clock), new PublishingExtension(clock, keyStorePassword));
    }

    /** The command line; more subcommands (approve request, export anchor) may be added to it. */
    public CommandLine commandLine() {
        return Commands.commandLine(this, init, start);
    }

    /**
     * The command line that {@code args} need: for {@code start ...} one that knows only {@code start},
     * because reading the annotations of all the commands is a good part of a server's start-up time;
     * otherwise the whole {@link #commandLine()}.
     */
    public CommandLine commandLine(String... args) {
        return args.length > 0 && args[0].equals("start") ? Commands.startOnly(NAME, start) : commandLine();
    }

    /** Stops a {@code start} command running in this process, as SIGTERM does. */
    public void stop() {
        start.stop();
    }
}
