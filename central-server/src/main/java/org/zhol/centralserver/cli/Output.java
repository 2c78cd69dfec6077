// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints an API answer: its JSON with {@code --json}, else a table or a line of text. */
final class Output {

    private final PrintWriter out;
    private final ObjectMapper json;
    private final boolean asJson;

    Output(PrintWriter out, ObjectMapper json, boolean asJson) {
        this.out = out;
        this.json = json;
        this.asJson = asJson;
    }

    /** Prints an array of objects as a table of {@code columns} (field names; lists are joined). */
    void table(JsonNode rows, String... columns) {
        if (printedJson(rows)) {
            return;
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(columns);
        for (JsonNode row : rows) {
            String[] cells = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                cells[i] = text(row.at("/" + columns[i].replace('.', '/')));
            }
            lines.add(cells);
        }
        int[] widths = new int[columns.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (String[] line : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                b.append(i == line.length - 1 ? line[i] : String.format("%-" + widths[i] + "s  ", line[i]));
            }
            out.println(b.toString().stripTrailing());
        }
        out.flush();
    }

    /** Prints {@code message}, or the answer's JSON with {@code --json}. */
    void done(JsonNode answer, String message) {
        if (!printedJson(answer)) {
            out.println(message);
            out.flush();
        }
    }

    /** Prints each field of an object on its own line. */
    void fields(JsonNode object) {
        if (printedJson(object)) {
            return;
        }
        object.properties().forEach(e -> out.println(e.getKey() + ": " + text(e.getValue())));
        out.flush();
    }

    private boolean printedJson(JsonNode answer) {
        if (!asJson) {
            return false;
        }
        try {
            out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new CliFailure("Cannot print the answer: " + e.getMessage());
        }
        out.flush();
        return true;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(text(n)));
            return String.join(",", parts);
        }
        if (node.isObject()) {
            List<String> parts = new ArrayList<>();
            node.properties().forEach(e -> parts.add(e.getKey() + "=" + text(e.getValue())));
            return String.join(",", parts);
        }
        return node.asText();
    }
}
