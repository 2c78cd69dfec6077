// SPDX-License-Identifier: MIT
package org.zhol.protocol.transport;

import static org.zhol.protocol.transport.TransportJson.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.json.StrictJson;

/**
 * Turns a {@link TransportFault} into its canonical JSON, the FAULT payload, and back:
 * {@code {"code":"Server.ServerProxy.AccessDenied","detail":"<error id>","message":"..."}}, {@code detail}
 * absent when there is none. The code is written in the CamelCase form ({@link FaultCode#toString()}), so
 * a snake_case code is not canonical.
 *
 * <p><b>Limits:</b> {@link TransportLimits#maxFaultBytes()}, and those of {@link TransportFault}.
 */
public final class TransportFaultCodec {

    private TransportFaultCodec() {
    }

    /** The canonical bytes of {@code fault}. */
    public static byte[] encode(TransportFault fault) {
        ObjectNode node = StrictJson.object();
        node.put("code", fault.code().toString());
        fault.detail().ifPresent(detail -> node.put("detail", detail));
        node.put("message", fault.message());
        return StrictJson.write(node);
    }

    /**
     * Reads a FAULT payload.
     *
     * @throws ZholException {@code InvalidMessage} when it is too long, not canonical JSON, has unknown,
     *                       missing or mistyped fields, an unknown fault code, or an over-long or invalid message or
     *                       detail
     */
    public static TransportFault decode(byte[] bytes, TransportLimits limits) {
        ObjectNode node = JSON.parse(bytes, limits.maxFaultBytes(), "The fault");
        JSON.requireFields(node, Set.of("code", "message"), Set.of("detail"), "The fault");
        FaultCode code = FaultCode.parse(JSON.text(node, "code"));
        String message = JSON.text(node, "message");
        Optional<String> detail = JSON.optionalText(node, "detail");
        TransportFault fault;
        try {
            fault = new TransportFault(code, message, detail);
        } catch (IllegalArgumentException e) {
            throw JSON.invalid("The fault's message or detail is too long or not valid Unicode");
        }
        JSON.requireCanonical(bytes, encode(fault), "The fault");
        return fault;
    }
}
