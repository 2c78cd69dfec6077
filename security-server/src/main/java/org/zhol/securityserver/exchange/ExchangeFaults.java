// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.FaultPrefix;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestErrorCodec;
import org.zhol.protocol.rest.RestErrorResponse;
import org.zhol.protocol.soap.SoapFaultCodec;
import org.zhol.protocol.transport.MessageProtocol;

/**
 * The one place where failures of an exchange become X-Road faults and leave the server: prefixing
 * (a fault raised by the information system's input is {@code Client.*}, any other fault of the
 * client proxy {@code Server.ClientProxy.*}, of the server proxy {@code Server.ServerProxy.*}; a fault
 * relayed from the peer keeps its prefix) and rendering (REST: the JSON body and {@code X-Road-Error};
 * SOAP: a SOAP fault). Each fault gets an error id, logged here with its cause and sent as the detail.
 */
public final class ExchangeFaults {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeFaults.class);

    /** The HTTP status of a SOAP fault, as SOAP 1.1 over HTTP says. */
    public static final int SOAP_FAULT_STATUS = 500;

    /** The content type of a SOAP fault. */
    public static final String SOAP_CONTENT_TYPE = "text/xml;charset=utf-8";

    private ExchangeFaults() {
    }

    /** {@code failure} as a fault: a {@link ZholException} as it is, anything else an internal error. */
    public static ZholException of(Throwable failure) {
        return switch (failure) {
            case ZholException z -> z;
            case UncheckedIOException u -> ZholException.internal(ErrorCode.IO_ERROR, "Reading or writing failed",
                    u.getCause());
            case IOException io -> ZholException.internal(ErrorCode.IO_ERROR, "Reading or writing failed", io);
            default -> ZholException.internal(ErrorCode.INTERNAL_ERROR, "Internal error", failure);
        };
    }

    /** A fault as the client proxy reports it to the information system. */
    public static ZholException atClientProxy(Throwable failure) {
        ZholException fault = of(failure);
        return fault.withPrefix(fault.origin() == Origin.CLIENT ? FaultPrefix.CLIENT : FaultPrefix.SERVER_CLIENT_PROXY);
    }

    /** A fault as the server proxy reports it to the consumer's server. */
    public static ZholException atServerProxy(Throwable failure) {
        return of(failure).withPrefix(FaultPrefix.SERVER_SERVER_PROXY);
    }

    /** {@code fault} with one more segment after its code, e.g. {@code ServiceFailed.NetworkError}. */
    public static ZholException serviceFailed(ZholException cause) {
        FaultCode code = FaultCode.of(ErrorCode.SERVICE_FAILED);
        for (ErrorCode segment : cause.faultCode().segments()) {
            code = code.append(segment);
        }
        return new ZholException(code, Origin.PROVIDER, cause.detail(), cause);
    }

    /** A new error id, logged with {@code fault} and its cause. */
    public static String logged(ZholException fault, String where) {
        String errorId = UUID.randomUUID().toString();
        if (fault.origin() == Origin.THIS_SERVER || fault.getCause() != null && !(fault.getCause() instanceof ZholException)) {
            LOG.warn("{}: {} (error id {})", where, fault, errorId, fault.getCause());
        } else {
            LOG.info("{}: {} (error id {})", where, fault, errorId);
        }
        return errorId;
    }

    /**
     * Answers the information system with {@code fault} (already prefixed) in its protocol's shape.
     *
     * @throws UncheckedIOException when the answer cannot be written
     */
    public static void respond(ClientResponder responder, MessageProtocol protocol, ZholException fault,
            String errorId) {
        try {
            if (protocol == MessageProtocol.SOAP) {
                byte[] body = SoapFaultCodec.write(fault, errorId);
                try (OutputStream out = responder.respond(SOAP_FAULT_STATUS, List.of(
                        new HttpHeader("Content-Type", SOAP_CONTENT_TYPE),
                        new HttpHeader("Content-Length", Integer.toString(body.length))))) {
                    out.write(body);
                }
            } else {
                RestErrorResponse rendered = RestErrorCodec.render(fault, errorId);
                byte[] body = rendered.bodyBytes();
                List<HttpHeader> headers = new java.util.ArrayList<>(rendered.headers());
                headers.add(new HttpHeader("Content-Length", Integer.toString(body.length)));
                try (OutputStream out = responder.respond(rendered.status(), headers)) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
