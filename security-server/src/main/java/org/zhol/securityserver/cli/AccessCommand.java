// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code access grant|revoke|list}: access rights on a subsystem's services. */
@Command(name = "access", description = "Access rights on a subsystem's services.",
        subcommands = {AccessCommand.Grant.class, AccessCommand.Revoke.class, AccessCommand.ListRights.class})
public final class AccessCommand {

    /** The options that name one right. */
    static final class RightOptions {
        @Option(names = "--client", required = true, description = "The providing subsystem.")
        String client;
        @Option(names = "--service", required = true, description = "The service code (all versions).")
        String service;
        @Option(names = "--subject", required = true,
                description = "Who: INSTANCE/GROUP (global group), INSTANCE/CLASS/CODE or INSTANCE/CLASS/CODE/SUBSYSTEM.")
        String subject;
        @Option(names = "--method", defaultValue = "*", description = "REST method, or * for any (default).")
        String method;
        @Option(names = "--path", defaultValue = "**", description = "REST path pattern, or ** for any (default).")
        String path;

        String body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("serviceCode", service);
            body.put("subject", subject);
            body.put("method", method);
            body.put("path", path);
            return AdminOptions.toJson(body);
        }
    }

    /** {@code access grant}. */
    @Command(name = "grant", description = "Grant a right.")
    static final class Grant implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Mixin
        RightOptions right;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var response = admin.client().post(ClientsCommand.path(right.client) + "/access-rights", right.body());
            return admin.print(response, spec.commandLine().getOut(), spec.commandLine().getErr(), r ->
                    spec.commandLine().getOut().println((response.status() == 201 ? "granted " : "already granted ")
                            + describe(r)));
        }
    }

    /** {@code access revoke}. */
    @Command(name = "revoke", description = "Revoke a right, named exactly as granted.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Mixin
        RightOptions right;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var response = admin.client().post(ClientsCommand.path(right.client) + "/access-rights/delete",
                    right.body());
            return admin.print(response, spec.commandLine().getOut(), spec.commandLine().getErr(), r ->
                    spec.commandLine().getOut().println("revoked"));
        }
    }

    /** {@code access list}. */
    @Command(name = "list", description = "List the rights on a subsystem's services.")
    static final class ListRights implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Option(names = "--client", required = true, description = "The providing subsystem.")
        String client;
        @Option(names = "--service", description = "Only this service code.")
        String service;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            String query = service == null ? "" : "?serviceCode=" + AdminClient.segment(service);
            var response = admin.client().get(ClientsCommand.path(client) + "/access-rights" + query);
            return admin.print(response, out, spec.commandLine().getErr(), body -> {
                body.forEach(r -> out.println(describe(r)));
                if (body.isEmpty()) {
                    out.println("no access rights");
                }
            });
        }
    }

    private static String describe(com.fasterxml.jackson.databind.JsonNode r) {
        return r.path("serviceCode").asText() + " " + r.path("method").asText() + " " + r.path("path").asText()
                + " -> " + r.path("subjectType").asText() + ":" + r.path("subject").asText();
    }
}
