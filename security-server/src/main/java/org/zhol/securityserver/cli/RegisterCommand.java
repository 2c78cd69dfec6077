// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code register auth-cert}: register this server's authentication certificate with the central server. */
@Command(name = "register", description = "Register with the central server.",
        subcommands = RegisterCommand.AuthCert.class)
public final class RegisterCommand {

    /** Prints the answer of a sending operation: the kept request. */
    static int printSent(AdminOptions admin, AdminClient.Response response, CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        return admin.print(response, out, spec.commandLine().getErr(), body -> {
            out.println("sent " + body.path("type").asText() + " " + body.path("subject").asText() + " as request "
                    + body.path("id").asText() + ": " + body.path("status").asText()
                    + (body.path("centralState").isTextual() ? ", central server: " + body.path("centralState").asText()
                            : ""));
            out.println("it is confirmed when the next global configuration shows it ('requests list', 'status')");
        });
    }

    /** {@code register auth-cert --address A [--key K]}. */
    @Command(name = "auth-cert", description = "Register the AUTH key's certificate, signed by the owner and the "
            + "AUTH key, with the address at which other servers reach this one.")
    static final class AuthCert implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Option(names = "--address", required = true, description = "host[:port] of this server's server proxy.")
        String address;
        @Option(names = "--key", description = "The AUTH key (default: the only one with an unregistered certificate).")
        String keyId;

        @Override
        public Integer call() {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("address", address);
            if (keyId != null) {
                body.put("keyId", keyId);
            }
            return printSent(admin, admin.client().post("/registration/auth-cert", AdminOptions.toJson(body)), spec);
        }
    }
}
