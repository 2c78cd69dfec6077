// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code status}: the health report; exit code 0 when healthy, 1 when not. In text form, and when the
 * token may read them, it adds the state of the global configuration, of the own certificates' OCSP
 * responses and of the registration (this server's entry in the configuration, open requests).
 */
@Command(name = "status", description = "Show the health checks; exit code 1 when unhealthy.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    AdminOptions admin;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var response = admin.client().get("/health");
        if (response.status() == 503) {
            // Unhealthy is an answer, not an error: print it, and say so in the exit code.
            admin.print(new AdminClient.Response(200, response.body()), out, spec.commandLine().getErr(), this::human);
            return 1;
        }
        return admin.print(response, out, spec.commandLine().getErr(), this::human);
    }

    private void human(com.fasterxml.jackson.databind.JsonNode body) {
        var out = spec.commandLine().getOut();
        out.println(body.path("status").asText() + (body.path("maintenance").asBoolean() ? " (maintenance mode)" : ""));
        body.path("checks").forEach(c -> out.printf("  %-20s %s%n", c.path("name").asText(),
                c.path("ok").asBoolean() ? "ok" : "FAILING: " + c.path("reason").asText()));
        AdminClient client = admin.client();
        AdminClient.Response configuration = client.get("/configuration");
        if (configuration.ok()) {
            JsonNodes.configuration(out, AdminOptions.parse(configuration.body()));
        }
        AdminClient.Response ocsp = client.get("/ocsp");
        if (ocsp.ok()) {
            AdminOptions.parse(ocsp.body()).forEach(s -> JsonNodes.ocsp(out, s));
        }
        AdminClient.Response registration = client.get("/registration");
        if (registration.ok()) {
            JsonNodes.registration(out, AdminOptions.parse(registration.body()));
        }
    }
}
