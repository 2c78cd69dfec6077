// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/** Compact UTF-8 JSON of a tree the metaservices built, keys in insertion order. */
final class Json {

    // Thread-safe once configured, and never reconfigured.
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static byte[] bytes(JsonNode tree) {
        try {
            return MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot write JSON", e);
        }
    }
}
