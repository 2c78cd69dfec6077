// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.manifest.MessageSignature;
import org.zhol.protocol.rest.HeaderFilter;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestHeaderCodec;
import org.zhol.protocol.rest.RestRequestHeaders;
import org.zhol.protocol.rest.RestResponseHeaders;
import org.zhol.protocol.soap.ContentType;
import org.zhol.protocol.soap.RequestHash;
import org.zhol.protocol.soap.RequestHashInsertion;
import org.zhol.protocol.soap.RootPartDigest;
import org.zhol.protocol.soap.SoapConsistency;
import org.zhol.protocol.soap.SoapContentKind;
import org.zhol.protocol.soap.SoapHead;
import org.zhol.protocol.soap.SoapHeader;
import org.zhol.protocol.soap.SoapHeaderCodec;
import org.zhol.protocol.soap.SoapMultipart;
import org.zhol.protocol.transport.HeadCodec;
import org.zhol.protocol.transport.MessageProtocol;
import org.zhol.protocol.transport.MessageWriter;
import org.zhol.protocol.transport.ReceivedMessage;
import org.zhol.protocol.transport.RequestHead;
import org.zhol.protocol.transport.ResponseHead;

/**
 * The server proxy's answer: the provider information system's response, signed for the provider
 * member, with the request's hash in its metadata record.
 * <ul>
 *   <li>REST: the provider's status and headers (after {@link HeaderFilter#forwardResponse}) plus the
 *       X-Road response headers this server sets ({@code X-Road-Client}, {@code -Service}, {@code -Id},
 *       {@code -Request-Id}, {@code -Request-Hash}); the provider's own errors pass as they are.</li>
 *   <li>SOAP: the provider's status and {@code Content-Type} (PR-MESS §2.2); the envelope must be SOAP,
 *       a fault or a header consistent with the request, which gets the server's {@code requestHash}
 *       ({@link RequestHashInsertion}); any other shape is {@code ServiceFailed.*}.</li>
 * </ul>
 * The body streams as DATA and into the response's log record; the manifest is signed, the record
 * committed, and only once it is durable does the TRAILER go, with this server's latest checkpoint.
 */
final class ResponseSender {

    /**
     * What the response answers.
     *
     * @param metadata   the request's verified metadata record
     * @param head       the request's head
     * @param message    the verified request
     * @param isHash     the IS request hash, complete
     * @param soapHeader the SOAP request's header; empty for REST
     */
    record Request(MessageMetadata metadata, RequestHead head, ReceivedMessage message, IsRequestHash isHash,
            Optional<SoapHeader> soapHeader) {
        Request {
            Objects.requireNonNull(metadata, "metadata");
            Objects.requireNonNull(message, "message");
        }
    }

    private final ExchangeContext context;
    private final PeerChannel channel;

    ResponseSender(ExchangeContext context, PeerChannel channel) {
        this.context = context;
        this.channel = channel;
    }

    /** Sends the response whose status, headers and body the provider gave. */
    void send(Request request, int status, List<HttpHeader> headers, InputStream providerBody) throws IOException {
        ResponseHead head;
        InputStream body;
        if (request.head().protocol() == MessageProtocol.REST) {
            head = restHead(request, status, headers);
            body = providerBody;
        } else {
            String contentType = SoapCalls.single(headers, SoapCalls.CONTENT_TYPE).orElseThrow(() -> serviceFailed(
                    ErrorCode.INVALID_CONTENT_TYPE, "The service's SOAP response has no Content-Type"));
            head = new ResponseHead(MessageProtocol.SOAP, status, List.of(new HttpHeader(SoapCalls.CONTENT_TYPE,
                    contentType)));
            body = soapBody(request, contentType, providerBody);
        }
        Instant signingTime = context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        MessageMetadata metadata = new MessageMetadata(request.metadata().messageId(), request.metadata().client(),
                request.metadata().service(), signingTime, Optional.of(request.message().manifestHash()));
        long maxBody = context.settings().maxBodyBytes();
        MessageWriter writer = new MessageWriter(context.limits(), maxBody, metadata, head);
        try (MessageLog.Record record = context.log().open(new MessageLog.Opening(MessageLog.Side.SERVER_PROXY,
                MessageLog.Kind.RESPONSE, metadata, metadata.encode(), HeadCodec.encode(head)))) {
            PeerCalls.send(channel, writer.start(), context.limits());
            byte[] buffer = new byte[context.limits().maxDataBytes()];
            for (int n = read(body, buffer); n >= 0; n = read(body, buffer)) {
                if (writer.bodyLength() + n > maxBody) {
                    throw serviceFailed(ErrorCode.INVALID_MESSAGE, "The service's response is larger than " + maxBody
                            + " bytes");
                }
                record.body(buffer, 0, n);
                PeerCalls.send(channel, writer.body(buffer, 0, n), context.limits());
            }
            byte[] manifest = writer.finish();
            MessageSignature signature = context.signing().sign(request.metadata().service().provider().member(),
                    manifest, signingTime);
            // Durable before the TRAILER goes: without it the consumer's server releases no complete response.
            record.commit(manifest, signature, Optional.empty());
            PeerCalls.send(channel, writer.trailer(signature, context.log().checkpoint()), context.limits());
        }
    }

    private ResponseHead restHead(Request request, int status, List<HttpHeader> headers) {
        RestRequestHeaders sent = RestHeaderCodec.parseRequest(request.head().headers());
        RestResponseHeaders xroad = new RestResponseHeaders(Optional.of(request.metadata().client()),
                Optional.of(request.metadata().service()), Optional.of(request.metadata().messageId()), sent.requestId(),
                Optional.of(((IsRequestHash.Rest) request.isHash()).finish()), Optional.empty());
        List<HttpHeader> all = new ArrayList<>(HeaderFilter.forwardResponse(headers));
        all.addAll(RestHeaderCodec.emitResponse(xroad));
        try {
            return new ResponseHead(MessageProtocol.REST, status, all);
        } catch (ZholException e) {
            throw ExchangeFaults.serviceFailed(e);
        }
    }

    /** The SOAP response with the server's requestHash; its head checked against the request. */
    private InputStream soapBody(Request request, String contentTypeValue, InputStream providerBody) {
        try {
            ContentType type = ContentType.parse(contentTypeValue);
            SoapContentKind kind = SoapContentKind.of(type);
            byte[] prefix = Messages.readUpTo(providerBody, context.soapLimits().maxHeaderBytes());
            SoapHead soap;
            if (kind == SoapContentKind.XML) {
                soap = SoapHeaderCodec.read(new ByteArrayInputStream(prefix), SoapCalls.charset(type),
                        context.soapLimits());
            } else {
                SoapMultipart multipart = SoapMultipart.open(type, new ByteArrayInputStream(prefix), context.soapLimits());
                soap = SoapHeaderCodec.read(multipart.root().body(), SoapCalls.charset(multipart.rootType()),
                        context.soapLimits());
            }
            byte[] head = prefix;
            try (soap) {
                if (!soap.isFault()) {
                    SoapConsistency.checkResponse(request.soapHeader().orElseThrow(), soap.requireHeader());
                    head = withRequestHash(type, kind, prefix, ((IsRequestHash.Soap) request.isHash()).finish());
                }
            }
            return new SequenceInputStream(new ByteArrayInputStream(head), providerBody);
        } catch (ZholException e) {
            throw ExchangeFaults.serviceFailed(e);
        }
    }

    /** The response's head with the server's requestHash in its envelope (the first part for SwA and MTOM). */
    private byte[] withRequestHash(ContentType type, SoapContentKind kind, byte[] prefix, RequestHash hash) {
        if (kind == SoapContentKind.XML) {
            return RequestHashInsertion.insert(prefix, SoapCalls.charset(type), hash, context.soapLimits());
        }
        int offset = RootPartDigest.bodyOffset(prefix, type.boundary(), context.soapLimits());
        SoapMultipart multipart = SoapMultipart.open(type, new ByteArrayInputStream(prefix), context.soapLimits());
        byte[] envelope = RequestHashInsertion.insert(Arrays.copyOfRange(prefix, offset, prefix.length),
                SoapCalls.charset(multipart.rootType()), hash, context.soapLimits());
        byte[] head = Arrays.copyOf(prefix, offset + envelope.length);
        System.arraycopy(envelope, 0, head, offset, envelope.length);
        return head;
    }

    private static int read(InputStream in, byte[] buffer) {
        try {
            int total = 0;
            while (total < buffer.length) {
                int n = in.read(buffer, total, buffer.length - total);
                if (n < 0) {
                    return total == 0 ? -1 : total;
                }
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw ProviderClient.networkError("Reading the service's response failed", e);
        }
    }

    private static ZholException serviceFailed(ErrorCode code, String detail) {
        return new ZholException(FaultCode.of(ErrorCode.SERVICE_FAILED, code), Origin.PROVIDER, detail, null);
    }
}
