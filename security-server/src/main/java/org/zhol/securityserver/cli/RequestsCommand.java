// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code requests list|show}: the management requests this server sent, and how far each got. */
@Command(name = "requests", description = "Registration requests sent to the central server.",
        subcommands = {RequestsCommand.ListRequests.class, RequestsCommand.Show.class})
public final class RequestsCommand {

    /** {@code requests list}. */
    @Command(name = "list", description = "List the requests, oldest first.")
    static final class ListRequests implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            return admin.print(admin.client().get("/registration/requests"), out, spec.commandLine().getErr(), body -> {
                body.forEach(r -> JsonNodes.request(out, r));
                if (body.isEmpty()) {
                    out.println("no requests");
                }
            });
        }
    }

    /** {@code requests show ID}. */
    @Command(name = "show", description = "Show one request.")
    static final class Show implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The request id.")
        String id;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            return admin.print(admin.client().get("/registration/requests/" + AdminClient.segment(id)), out,
                    spec.commandLine().getErr(), body -> {
                        JsonNodes.request(out, body);
                        out.println("submitted " + body.path("submittedAt").asText() + ", updated "
                                + body.path("updatedAt").asText());
                    });
        }
    }
}
