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

/** {@code services add|list}: the services of a hosted subsystem. */
@Command(name = "services", description = "Services of a hosted subsystem.",
        subcommands = {ServicesCommand.Add.class, ServicesCommand.ListServices.class})
public final class ServicesCommand {

    /** {@code services add}. */
    @Command(name = "add", description = "Add a REST or SOAP service.")
    static final class Add implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Option(names = "--client", required = true, description = "The subsystem: INSTANCE/CLASS/CODE/SUBSYSTEM.")
        String client;
        @Option(names = "--code", required = true, description = "The service code.")
        String code;
        @Option(names = "--version", description = "The service version, if any.")
        String version;
        @Option(names = "--type", required = true, description = "REST or SOAP.")
        String type;
        @Option(names = "--url", required = true, description = "REST base URL or SOAP endpoint.")
        String url;
        @Option(names = "--description-url", description = "OpenAPI (REST) or WSDL (SOAP) URL.")
        String descriptionUrl;
        @Option(names = "--timeout", description = "Timeout in seconds (default 60).")
        Integer timeout;
        @Option(names = "--disabled", description = "Add it disabled.")
        boolean disabled;

        @Override
        public Integer call() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("serviceCode", code);
            body.put("serviceVersion", version);
            body.put("type", type);
            body.put("url", url);
            body.put("descriptionUrl", descriptionUrl);
            body.put("timeoutSeconds", timeout);
            body.put("enabled", !disabled);
            var response = admin.client().post(ClientsCommand.path(client) + "/services", AdminOptions.toJson(body));
            return admin.print(response, spec.commandLine().getOut(), spec.commandLine().getErr(), s ->
                    spec.commandLine().getOut().println("added " + s.path("type").asText() + " service "
                            + s.path("id").asText()));
        }
    }

    /** {@code services list}. */
    @Command(name = "list", description = "List a subsystem's services.")
    static final class ListServices implements Callable<Integer> {
        @Mixin
        AdminOptions admin;
        @Spec
        CommandSpec spec;
        @Option(names = "--client", required = true, description = "The subsystem.")
        String client;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            var response = admin.client().get(ClientsCommand.path(client) + "/services");
            return admin.print(response, out, spec.commandLine().getErr(), body -> {
                body.forEach(s -> out.printf("%-30s %-4s %4ds %-8s %s%n", s.path("serviceCode").asText()
                        + (s.path("serviceVersion").isTextual() ? "/" + s.path("serviceVersion").asText() : ""),
                        s.path("type").asText(), s.path("timeoutSeconds").asInt(),
                        s.path("enabled").asBoolean() ? "enabled" : "disabled", s.path("url").asText()));
                if (body.isEmpty()) {
                    out.println("no services");
                }
            });
        }
    }
}
