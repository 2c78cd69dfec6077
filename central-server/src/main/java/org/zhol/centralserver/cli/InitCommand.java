// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.zhol.centralserver.CentralServerExtension;
import org.zhol.centralserver.CentralServerInit;
import org.zhol.centralserver.config.CentralServerConfig;
import org.zhol.server.admin.IssuedToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code init}: creates the data directory, database, instance and first admin token; refuses to run twice. */
@Command(name = "init", description = "Create the instance, its database, keys and the first admin token.")
public final class InitCommand implements Callable<Integer> {

    private final List<CentralServerExtension> extensions;

    @Mixin ConfigOptions configOptions;
    @Spec CommandSpec spec;

    @Option(names = "--instance", paramLabel = "CODE",
            description = "The instance id, e.g. DEV (or 'instance' in the config file).")
    String instance;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    /** @param extensions whose {@code initialise} hooks run after the database and token exist */
    public InitCommand(List<CentralServerExtension> extensions) {
        this.extensions = List.copyOf(extensions);
    }

    @Override
    public Integer call() throws Exception {
        CentralServerConfig config = configOptions.load();
        String code = instance != null ? instance : config.instance();
        if (code.isEmpty()) {
            throw new CliFailure("Say which instance: --instance CODE, or 'instance' in the configuration");
        }
        IssuedToken token = new CentralServerInit(config.withInstance(code), extensions).initialise(code);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(org.zhol.centralserver.CentralContext.jsonMapper().writeValueAsString(java.util.Map.of(
                    "instance", code, "dataDir", config.dataPath().toAbsolutePath().toString(),
                    "tokenName", token.token().name(), "token", token.secret())));
        } else {
            out.println("Initialised instance " + code + " in " + config.dataPath().toAbsolutePath());
            out.println("Admin API token '" + token.token().name() + "' (shown only this once; keep it safe):");
            out.println(token.secret());
        }
        out.flush();
        return 0;
    }
}
