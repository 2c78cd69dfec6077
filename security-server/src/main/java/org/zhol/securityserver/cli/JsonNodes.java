// SPDX-License-Identifier: MIT
package org.zhol.securityserver.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;

/** Lines for people from the admin API's status documents. */
final class JsonNodes {

    private JsonNodes() {
    }

    /** A {@code ConfigurationStatus}. */
    static void configuration(PrintWriter out, JsonNode status) {
        out.println("configuration: " + (status.path("valid").asBoolean() ? "valid" : "NOT VALID")
                + ", generation " + status.path("generation").asLong()
                + (status.path("expiresAt").isTextual() ? ", expires " + status.path("expiresAt").asText() : ""));
        JsonNode error = status.path("lastError");
        if (error.isObject()) {
            out.println("  last error: " + error.path("code").asText() + ": " + error.path("detail").asText());
        }
    }

    /** One {@code OcspStatus}. */
    static void ocsp(PrintWriter out, JsonNode s) {
        out.printf("  ocsp %-5s %s %-7s %s%s%n", s.path("usage").asText(), s.path("certificateHash").asText(),
                s.path("status").asText(), s.path("fresh").asBoolean() ? "fresh until " + s.path("freshUntil").asText()
                        : "NOT FRESH", s.path("lastError").isTextual() ? "; last error: " + s.path("lastError").asText() : "");
    }

    /** One kept registration request. */
    static void request(PrintWriter out, JsonNode r) {
        out.printf("%s %-15s %-40s %-10s%s%s%n", r.path("id").asText(), r.path("type").asText(),
                r.path("subject").asText(), r.path("status").asText(),
                r.path("centralState").isTextual() ? " central: " + r.path("centralState").asText() : "",
                r.path("detail").isTextual() ? " (" + r.path("detail").asText() + ")" : "");
    }

    /** The registration state of {@code GET /registration}. */
    static void registration(PrintWriter out, JsonNode state) {
        if (state.path("registered").asBoolean()) {
            out.println("registration: registered at " + state.path("address").asText() + ", "
                    + state.path("authCertHashes").size() + " auth certificate(s), " + state.path("clients").size()
                    + " client(s)" + (state.path("maintenance").asBoolean() ? ", in maintenance mode" : "")
                    + " (configuration generation " + state.path("generation").asLong() + ")");
        } else {
            out.println("registration: not registered" + (state.path("configurationValid").asBoolean()
                    ? " (configuration generation " + state.path("generation").asLong() + ")"
                    : " (no valid configuration)"));
        }
        state.path("clients").forEach(c -> out.println("  client " + c.asText()));
        JsonNode central = state.path("central");
        out.println("  central server " + text(central.path("url")) + ", TLS pin " + text(central.path("tlsSha256")));
        JsonNode open = state.path("openRequests");
        if (!open.isEmpty()) {
            out.println("  open requests:");
            open.forEach(r -> {
                out.print("    ");
                request(out, r);
            });
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : "NOT SET";
    }
}
