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
}
