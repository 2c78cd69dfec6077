// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import static org.zhol.protocol.transport.TransportJson.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.json.StrictJson;

/**
 * Turns a {@link Hello} into its canonical JSON, the HELLO payload, and back:
 * {@code {"ocsp":"<base64 DER>","version":1}}.
 *
 * <p><b>Limits:</b> {@link TransportLimits#maxHelloBytes()}.
 */
public final class HelloCodec {

    private HelloCodec() {
    }

    /** The canonical bytes of {@code hello}. */
    public static byte[] encode(Hello hello) {
        ObjectNode node = StrictJson.object();
        node.put("ocsp", StrictJson.base64(hello.ocspResponse()));
        node.put("version", hello.version());
        return StrictJson.write(node);
    }

    /**
     * Reads a HELLO payload.
     *
     * @throws ZholException {@code InvalidProtocolVersion} when its version is not {@link Hello#VERSION}
     *                       (checked first, so that a later version is reported as such);
     *                       {@code InvalidMessage} when it is too long, not canonical JSON, has unknown,
     *                       missing or mistyped fields, or an empty or non-base64 OCSP response
     */
    public static Hello decode(byte[] bytes, TransportLimits limits) {
        ObjectNode node = JSON.parse(bytes, limits.maxHelloBytes(), "The HELLO");
        JsonNode version = node.get("version");
        if (version != null && version.isIntegralNumber() && !(version.canConvertToInt()
                && version.intValue() == Hello.VERSION)) {
            throw ZholException.client(ErrorCode.INVALID_PROTOCOL_VERSION,
                    "The peer speaks transport version " + version.asText() + ", not " + Hello.VERSION);
        }
        JSON.requireFields(node, Set.of("ocsp", "version"), "The HELLO");
        int number = JSON.integer(node, "version");
        byte[] ocsp = JSON.base64(JSON.text(node, "ocsp"), limits.maxHelloBytes(), "The OCSP response");
        if (ocsp.length == 0) {
            throw JSON.invalid("The HELLO has an empty OCSP response");
        }
        Hello hello = new Hello(number, ocsp);
        JSON.requireCanonical(bytes, encode(hello), "The HELLO");
        return hello;
    }
}
