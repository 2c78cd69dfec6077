// SPDX-License-Identifier: MIT
package org.zhol.protocol.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ZholException;

/**
 * The outcome of verifying one file: passed, or the first failed check with its fault code and a
 * human-readable detail; plus the facts established on the way (message id, signer, stamp time…).
 *
 * @param file    what was verified, for the report
 * @param failure the first failure, or empty when everything held
 * @param facts   what was established, in order
 */
public record Verdict(String file, Optional<Failure> failure, Map<String, String> facts) {

    /** A failed check. */
    public record Failure(Check check, String faultCode, String detail) {

        public Failure {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(faultCode, "faultCode");
            Objects.requireNonNull(detail, "detail");
        }

        static Failure of(Check check, ZholException e) {
            return new Failure(check, e.faultCode().toString(), e.detail());
        }
    }

    public Verdict {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(failure, "failure");
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** Whether every check held. */
    public boolean passed() {
        return failure.isEmpty();
    }

    /** One or more lines for people: {@code PASS file} or {@code FAIL file: check (code): detail}. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        if (failure.isEmpty()) {
            out.append("PASS ").append(file).append('\n');
        } else {
            Failure f = failure.get();
            out.append("FAIL ").append(file).append(": ").append(f.check().code()).append(" (").append(f.faultCode())
                    .append("): ").append(f.detail()).append('\n');
        }
        facts.forEach((k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n'));
        return out.toString();
    }

    /** The JSON object of this verdict. */
    public ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode().put("file", file).put("result", passed() ? "PASS" : "FAIL");
        failure.ifPresent(f -> node.putObject("failure").put("check", f.check().code())
                .put("faultCode", f.faultCode()).put("detail", f.detail()));
        ObjectNode factsNode = node.putObject("facts");
        facts.forEach(factsNode::put);
        return node;
    }

    /** {@link #toJson} as one line. */
    public String toJsonText() {
        ObjectMapper json = new ObjectMapper();
        try {
            return json.writeValueAsString(toJson(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
