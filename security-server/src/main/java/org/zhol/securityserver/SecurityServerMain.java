// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.id.MemberId;
import org.zhol.securityserver.cli.AccessCommand;
import org.zhol.securityserver.cli.AddressCommand;
import org.zhol.securityserver.cli.AnchorCommand;
import org.zhol.securityserver.cli.CentralCommand;
import org.zhol.securityserver.cli.ClientsCommand;
import org.zhol.securityserver.cli.KeysCommand;
import org.zhol.securityserver.cli.MessageLogCommand;
import org.zhol.securityserver.cli.MaintenanceCommand;
import org.zhol.securityserver.cli.RegisterCommand;
import org.zhol.securityserver.cli.RequestsCommand;
import org.zhol.securityserver.cli.ServicesCommand;
import org.zhol.securityserver.cli.StatusCommand;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.server.config.ConfigLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The security server's command line: {@code init} and {@code start} here, and the admin subcommands
 * of {@link org.zhol.securityserver.cli} over the admin API. Faults print as
 * {@code error: Code: detail} with exit code 1.
 */
@Command(name = "security-server", mixinStandardHelpOptions = true,
        description = "The Zhol security server.",
        subcommands = {SecurityServerMain.Init.class, SecurityServerMain.Start.class, ClientsCommand.class,
            ServicesCommand.class, AccessCommand.class, KeysCommand.class, AnchorCommand.class, StatusCommand.class,
            RegisterCommand.class, AddressCommand.class, MaintenanceCommand.class, RequestsCommand.class,
            CentralCommand.class, MessageLogCommand.class})
public final class SecurityServerMain {

    public static void main(String[] args) {
        int exit = commandLine().execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** The command line, with faults printed briefly; tests call it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SecurityServerMain());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ZholException fault) {
                commandLine.getErr().println("error: " + fault.faultCode() + ": " + fault.detail());
                commandLine.getErr().flush();
                return 1;
            }
            throw e;
        });
        return cli;
    }

    /**
     * The one-time steps that other parts contribute to {@code init}: the token, whose PIN comes from
     * {@code pinFile}, the configured source or a console prompt (see {@link PinPrompt}).
     */
    static List<InitStep> initSteps(Path pinFile) {
        return List.of(new TokenInit(config -> PinPrompt.resolve(pinFile, config.pin(), System.getenv(),
                System.console(), true)));
    }

    /** {@code init}: a new server in a data directory. */
    @Command(name = "init", description = "Initialise a new security server: data directory, database, first admin token.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--data-dir", required = true, description = "The data directory; created.")
        Path dataDir;
        @Option(names = "--owner", required = true, description = "The owner member: INSTANCE/CLASS/CODE.")
        String owner;
        @Option(names = "--server-code", required = true, description = "This server's code.")
        String serverCode;
        @Option(names = "--config", description = "Where to write the configuration (default: DATA-DIR/security-server.yaml).")
        Path config;
        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A further option to write, e.g. database.jdbcUrl=...")
        List<String> overrides = new ArrayList<>();
        @Option(names = "--pin-file", description = "A file holding the token PIN to set (default: the ZHOL_PIN "
                + "environment variable, else a prompt).")
        Path pinFile;

        @Override
        public Integer call() {
            SecurityServerInit.Result result = new SecurityServerInit(initSteps(pinFile)).run(new SecurityServerInit.Request(
                    MemberId.parse(owner), serverCode, dataDir, config, overrides));
            PrintWriter out = spec.commandLine().getOut();
            out.println("initialised " + result.config().serverId());
            out.println("token " + result.config().tokenConfig().id() + " initialised");
            out.println("config=" + result.configFile());
            out.println("admin token (shown only now): " + result.adminToken().secret());
            out.flush();
            return 0;
        }
    }

    /** {@code start}: runs until SIGTERM (or, in tests, until its thread is interrupted). */
    @Command(name = "start", description = "Run the security server until stopped.")
    static final class Start implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--config", description = "The configuration file (YAML or .properties).")
        Path config;
        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override an option, e.g. listeners.admin.port=4100.")
        List<String> overrides = new ArrayList<>();
        @Option(names = "--pin-file", description = "A file holding the token PIN (default: pin.file, else the "
                + "ZHOL_PIN environment variable, else a prompt).")
        Path pinFile;

        @Override
        public Integer call() {
            SecurityServerConfig loaded = new ConfigLoader().load(SecurityServerConfig.DEFAULTS, config, overrides);
            PinSource pin = PinPrompt.resolve(pinFile, loaded.pin(), System.getenv(), System.console(), false);
            SecurityServer server = new SecurityServer(loaded, pin).start();
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "zhol-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            PrintWriter out = spec.commandLine().getOut();
            out.println("started " + loaded.serverId());
            out.println("admin=" + loaded.listeners().admin().host() + ":" + server.adminPort());
            out.println("clientHttp=" + loaded.listeners().clientHttp().host() + ":" + server.clientHttpPort());
            out.println("clientHttps=" + loaded.listeners().clientHttps().host() + ":" + server.clientHttpsPort());
            out.println("serverProxy=" + loaded.listeners().serverProxy().host() + ":" + server.serverProxyPort());
            out.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                server.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running; it closes the server
                }
            }
            return 0;
        }
    }
}
