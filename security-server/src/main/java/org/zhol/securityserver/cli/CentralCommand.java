// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code central show|set}: where the central server's registration listener is, and its pinned certificate. */
@Command(name = "central", description = "The central server's registration listener and its TLS pin.",
        subcommands = {CentralCommand.Show.class, CentralCommand.Set.class})
public final class CentralCommand {

    static void print(AdminOptions admin, AdminClient.Response response, CommandSpec spec) {
        var out = spec.commandLine().getOut();
        admin.print(response, out, spec.commandLine().getErr(), body -> {
            out.println("url " + body.path("url").asText("NOT SET") + " (" + body.path("urlSource").asText() + ")");
            out.println("tls-sha256 " + body.path("tlsSha256").asText("NOT SET") + " ("
                    + body.path("tlsSha256Source").asText() + ")");
        });
    }

    /** {@code central show}. */
    @Command(name = "show", description = "Show the URL and the TLS pin in effect, and where each comes from.")
    static final class Show implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            AdminClient.Response response = admin.client().get("/registration/central");
            print(admin, response, spec);
            return response.ok() ? 0 : 1;
        }
    }

    /** {@code central set [--url U] [--tls-sha256 H]}. */
    @Command(name = "set", description = "Set the URL and/or the TLS pin (kept in the database; wins over the file).")
    static final class Set implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Option(names = "--url", description = "https://host:port/ of the registration listener.")
        String url;
        @Option(names = "--tls-sha256", description = "The SHA-256 of its certificate (central: registration-tls).")
        String pin;

        @Override
        public Integer call() {
            if (url == null && pin == null) {
                throw new ParameterException(spec.commandLine(), "give --url, --tls-sha256 or both");
            }
            Map<String, String> body = new LinkedHashMap<>();
            if (url != null) {
                body.put("url", url);
            }
            if (pin != null) {
                body.put("tlsSha256", pin);
            }
            AdminClient.Response response = admin.client().put("/registration/central", AdminOptions.toJson(body));
            print(admin, response, spec);
            return response.ok() ? 0 : 1;
        }
    }
}
