// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Assembles the command line under a top-level command. */
public final class Commands {

    private Commands() {
    }

    /**
     * The command line: {@code init} and {@code start} as given, then the admin commands. Faults are
     * printed as one line on stderr with exit code 1; usage errors give exit code 2.
     */
    public static CommandLine commandLine(Object top, InitCommand init, StartCommand start) {
        return withFaultHandler(new CommandLine(top)
                .addSubcommand(init)
                .addSubcommand(start)
                .addSubcommand(new RegistryCommands.MemberClass())
                .addSubcommand(new RegistryCommands.Member())
                .addSubcommand(new RegistryCommands.Subsystem())
                .addSubcommand(new RegistryCommands.Server())
                .addSubcommand(new RegistryCommands.Group())
                .addSubcommand(new TrustCommands.Ca())
                .addSubcommand(new TrustCommands.Tsa())
                .addSubcommand(new TrustCommands.Params())
                .addSubcommand(new TokenCommands.Token())
                .addSubcommand(new TokenCommands.Status())
                .addSubcommand(new ManagementCommands.Requests())
                .addSubcommand(new ManagementCommands.Anchor())
                .addSubcommand(new ManagementCommands.Keys())
                .addSubcommand(new ManagementCommands.Configuration())
                .addSubcommand(new ManagementCommands.RegistrationTls()));
    }

    /**
     * A command line that knows only {@code start}, for a server's start: it parses and fails as
     * {@link #commandLine} does for {@code start ...}, without reading the annotations of the top command
     * (its {@code --help} and {@code --version} come before a subcommand) or of the admin commands.
     *
     * @param name the top command's name, for messages
     */
    public static CommandLine startOnly(String name, StartCommand start) {
        return withFaultHandler(new CommandLine(CommandSpec.create().name(name)).addSubcommand(start));
    }

    private static CommandLine withFaultHandler(CommandLine cli) {
        cli.setExecutionExceptionHandler((e, command, parsed) -> CliFailure.report(e, command.getErr()));
        return cli;
    }
}
