// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code maintenance on|off}: the local flag (health turns 503, so that load balancers drain this node),
 * then a maintenance request to the central server, so that peers prefer other servers.
 */
@Command(name = "maintenance", description = "Maintenance mode: here (health) and at the central server.")
public final class MaintenanceCommand implements Callable<Integer> {
    @Mixin
    AdminOptions admin;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "on|off", description = "on or off")
    String mode;
    @Option(names = "--local-only", description = "Only the local flag; do not tell the central server.")
    boolean localOnly;

    @Override
    public Integer call() {
        boolean on = switch (mode) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say on or off");
        };
        String body = AdminOptions.toJson(Map.of("enabled", on));
        var out = spec.commandLine().getOut();
        AdminClient.Response local = admin.client().put("/maintenance", body);
        if (localOnly || !local.ok()) {
            return admin.print(local, out, spec.commandLine().getErr(), b ->
                    out.println("maintenance mode " + (b.path("enabled").asBoolean() ? "on" : "off") + " here"));
        }
        if (!admin.json) {
            out.println("maintenance mode " + mode + " here");
        }
        return RegisterCommand.printSent(admin, admin.client().put("/registration/maintenance", body), spec);
    }
}
