// SPDX-License-Identifier: MIT
package org.zhol.protocol.management;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.json.StrictJson;

/**
 * The strict JSON conventions of this package ({@link StrictJson}) with every failure as
 * {@code InvalidRequest} and nesting at most {@link ManagementLimits#MAX_JSON_DEPTH}.
 */
final class ManagementJson {

    private static final StrictJson JSON = new StrictJson(ErrorCode.INVALID_REQUEST, ManagementLimits.MAX_JSON_DEPTH);

    private ManagementJson() {
    }

    static ObjectNode object() {
        return StrictJson.object();
    }

    static byte[] write(JsonNode node) {
        return StrictJson.write(node);
    }

    static ObjectNode parse(byte[] bytes, int maxBytes, String what) {
        return JSON.parse(bytes, maxBytes, what);
    }

    /** Checks that {@code object} has exactly the fields {@code expected}. */
    static void requireFields(JsonNode object, Set<String> expected, String what) {
        JSON.requireFields(object, expected, what);
    }

    static JsonNode field(JsonNode object, String name) {
        return JSON.field(object, name);
    }

    static String text(JsonNode object, String name) {
        return JSON.text(object, name);
    }

    static boolean bool(JsonNode object, String name) {
        return JSON.bool(object, name);
    }

    static int integer(JsonNode object, String name) {
        return JSON.integer(object, name);
    }

    /** Strict base64 of at most {@code maxBytes} decoded bytes. */
    static byte[] base64(String text, int maxBytes, String what) {
        return JSON.base64(text, maxBytes, what);
    }

    static String base64(byte[] bytes) {
        return StrictJson.base64(bytes);
    }

    static ZholException invalid(String detail) {
        return JSON.invalid(detail);
    }
}
