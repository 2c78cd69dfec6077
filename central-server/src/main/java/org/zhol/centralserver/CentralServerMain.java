// SPDX-License-Identifier: MIT
package org.zhol.centralserver;

import java.util.List;
import org.zhol.centralserver.cli.Commands;
import org.zhol.centralserver.cli.InitCommand;
import org.zhol.centralserver.cli.StartCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The central server's command line: {@code init}, {@code start} and the admin commands (see the
 * README). This is where the parts built elsewhere are plugged in, in {@link #extensions()}.
 */
@Command(name = "zhol-central", mixinStandardHelpOptions = true, version = "Zhol central server 0.1.0",
        description = "The Zhol central server: member registry, trust services and global configuration.")
public final class CentralServerMain {

    private final InitCommand init;
    private final StartCommand start;

    /** @param extensions the parts built elsewhere, in the order they are called */
    public CentralServerMain(List<CentralServerExtension> extensions) {
        this.init = new InitCommand(extensions);
        this.start = new StartCommand(extensions);
    }

    public static void main(String[] args) {
        System.exit(new CentralServerMain(extensions()).commandLine().execute(args));
    }

    /**
     * The extensions of a production server. HOOK(lead): wire here, in this order, the configuration
     * signing keys of {@code trust.keys} (its {@code initialise} creates the key at {@code init}), the
     * management requests (registration routes, TLS, admin {@code /requests} routes and CLI commands
     * added with {@code commandLine().addSubcommand}), and the publisher of {@code globalconf}
     * (download routes, {@code start} for the generation loop, admin {@code /anchor}).
     */
    static List<CentralServerExtension> extensions() {
        return List.of();
    }

    /** The command line; more subcommands (approve request, export anchor) may be added to it. */
    public CommandLine commandLine() {
        return Commands.commandLine(this, init, start);
    }

    /** Stops a {@code start} command running in this process, as SIGTERM does. */
    public void stop() {
        start.stop();
    }
}
