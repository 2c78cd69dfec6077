// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clients add|list|register|delete}: the subsystems hosted on this server. */
@Command(name = "clients", description = "Subsystems hosted on this server.",
        subcommands = {ClientsCommand.Add.class, ClientsCommand.ListClients.class, ClientsCommand.Register.class,
            ClientsCommand.Delete.class})
public final class ClientsCommand {

    /** The admin API path of a client. */
    static String path(String client) {
        return "/clients/" + AdminClient.segment(client.replace('/', ':'));
    }

    /** {@code clients add ID}. */
    @Command(name = "add", description = "Add a subsystem, e.g. DEV/GOV/1001/SUB.")
    static final class Add implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The subsystem: INSTANCE/CLASS/CODE/SUBSYSTEM.")
        String id;

        @Override
        public Integer call() {
            var response = admin.client().post("/clients", AdminOptions.toJson(Map.of("id", id)));
            return admin.print(response, spec.commandLine().getOut(), spec.commandLine().getErr(), body ->
                    spec.commandLine().getOut().println("added client " + body.path("id").asText()
                            + " (" + body.path("status").asText() + ")"));
        }
    }

    /** {@code clients list}. */
    @Command(name = "list", description = "List the subsystems.")
    static final class ListClients implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            return admin.print(admin.client().get("/clients"), out, spec.commandLine().getErr(), body -> {
                body.forEach(c -> out.printf("%-50s %s%n", c.path("id").asText(), c.path("status").asText()));
                if (body.isEmpty()) {
                    out.println("no clients");
                }
            });
        }
    }

    /** {@code clients register ID}. */
    @Command(name = "register", description = "Ask the central server to register a local subsystem on this server.")
    static final class Register implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The subsystem: INSTANCE/CLASS/CODE/SUBSYSTEM.")
        String id;

        @Override
        public Integer call() {
            return RegisterCommand.printSent(admin, admin.client().post(path(id) + "/registration", "{}"), spec);
        }
    }

    /** {@code clients delete ID}. */
    @Command(name = "delete", description = "Ask the central server to delete a subsystem from this server; its "
            + "local definition stays (SAVED).")
    static final class Delete implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The subsystem: INSTANCE/CLASS/CODE/SUBSYSTEM.")
        String id;

        @Override
        public Integer call() {
            return RegisterCommand.printSent(admin, admin.client().delete(path(id) + "/registration"), spec);
        }
    }
}
