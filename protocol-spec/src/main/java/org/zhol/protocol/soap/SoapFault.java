// SPDX-License-Identifier: MIT
package org.zhol.protocol.soap;

import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;

/**
 * A SOAP 1.1 fault as X-Road shapes it: {@code faultcode} holds the dotted X-Road code, e.g.
 * {@code Server.ClientProxy.OutdatedGlobalConf}; {@code faultstring} the explanation;
 * {@code faultactor} is usually empty; {@code detail/faultDetail} an error id for the logs.
 *
 * @param code   the {@code faultcode} text as sent, without a namespace prefix
 * @param string the {@code faultstring} text
 * @param actor  the {@code faultactor} text, if the element was present
 * @param detail the {@code faultDetail} text (or the detail's text), if any
 */
public record SoapFault(String code, String string, Optional<String> actor, Optional<String> detail) {

    public SoapFault {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(string, "string");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(detail, "detail");
    }

    /** The code as a Zhol fault code, if it is one X-Road defines (CamelCase or 7.8 snake_case). */
    public Optional<FaultCode> faultCode() {
        return FaultCode.tryParse(code);
    }

    /**
     * This fault as an exception raised by {@code origin}. A code that is not an X-Road code becomes
     * {@code ServiceFailed}, since it came from a service, not from a security server.
     */
    public ZholException toException(Origin origin) {
        FaultCode parsed = faultCode().orElse(FaultCode.of(ErrorCode.SERVICE_FAILED));
        return new ZholException(parsed, origin, string, null);
    }
}
