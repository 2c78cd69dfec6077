// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import org.zhol.protocol.error.ZholException;
import picocli.CommandLine;

/** Assembles the command line under a top-level command. */
public final class Commands {

    private Commands() {
    }

    /**
     * The command line: {@code init} and {@code start} as given, then the admin commands. Faults are
     * printed as one line on stderr with exit code 1; usage errors give exit code 2.
     */
    public static CommandLine commandLine(Object top, InitCommand init, StartCommand start) {
        CommandLine cli = new CommandLine(top)
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
                .addSubcommand(new ManagementCommands.RegistrationTls());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof CliFailure || e instanceof ZholException) {
                String text = e instanceof ZholException z ? z.faultCode() + ": " + z.detail() : e.getMessage();
                command.getErr().println("error: " + text);
                command.getErr().flush();
                return 1;
            }
            throw e;
        });
        return cli;
    }
}
