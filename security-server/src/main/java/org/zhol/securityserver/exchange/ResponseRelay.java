// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestHeaderCodec;
import org.zhol.protocol.rest.RestRequestHash;
import org.zhol.protocol.rest.RestResponseHeaders;
import org.zhol.protocol.soap.ContentType;
import org.zhol.protocol.soap.SoapConsistency;
import org.zhol.protocol.soap.SoapContentKind;
import org.zhol.protocol.soap.SoapHead;
import org.zhol.protocol.soap.SoapHeaderCodec;
import org.zhol.protocol.soap.SoapMultipart;
import org.zhol.protocol.transport.HeadCodec;
import org.zhol.protocol.transport.MessageProtocol;
import org.zhol.protocol.transport.MessageReader;
import org.zhol.protocol.transport.ReadEvent;
import org.zhol.protocol.transport.ReceivedMessage;
import org.zhol.protocol.transport.ResponseHead;

/**
 * The client proxy's half of the response: reads the provider server's response frames, checks them
 * and answers the information system.
 * <ol>
 *   <li>The start of the body is collected (none for REST; the SOAP header's budget for SOAP) and checked
 *       against the request: REST's {@code X-Road-Request-Hash}, SOAP's header fields and
 *       {@code requestHash}.</li>
 *   <li>The IS gets the provider's status and headers, then the body as it arrives, one piece behind
 *       ({@link HeldTail}).</li>
 *   <li>Every piece of the body also goes into the response's log record, opened at the HEAD.</li>
 *   <li>At the trailer: the signature by the provider member (the reader has already checked that the
 *       metadata record answers the request: message id, client, service, request hash) and the provider
 *       server's checkpoint, then the record is committed with them; only once it is durable does the
 *       last piece go out. A response that ends before the IS was answered is answered with its length.</li>
 * </ol>
 * A failure after the answer started leaves the IS's response unfinished, which aborts it.
 */
final class ResponseRelay {

    private final ExchangeContext context;
    private final PeerChannel channel;
    private final ClientCall call;
    private final OutboundExchange.Sent sent;
    private final GlobalConfiguration conf;

    ResponseRelay(ExchangeContext context, PeerChannel channel, ClientCall call, OutboundExchange.Sent sent,
            GlobalConfiguration conf) {
        this.context = context;
        this.channel = channel;
        this.call = call;
        this.sent = sent;
        this.conf = conf;
    }

    /**
     * Relays the response.
     *
     * @return true when it ended cleanly (the channel may be reused)
     */
    boolean relay(TrackingResponder responder) {
        MessageReader reader = MessageReader.forResponse(context.limits(), context.settings().maxBodyBytes(),
                sent.metadata(), sent.manifest());
        int prefixTarget = call.protocol() == MessageProtocol.SOAP ? context.soapLimits().maxHeaderBytes() : 0;
        MessageMetadata metadata = null;
        ResponseHead head = null;
        MessageLog.Record record = null;
        List<byte[]> prefix = new ArrayList<>();
        long prefixLength = 0;
        HeldTail out = null;
        try {
            while (true) {
                ReadEvent event = reader.accept(channel.receive(context.settings().peerTimeout()));
                switch (event) {
                    case ReadEvent.Metadata m -> metadata = m.metadata(); // trusted only after verification, below
                    case ReadEvent.Head h -> {
                        head = (ResponseHead) h.head();
                        record = context.log().open(new MessageLog.Opening(MessageLog.Side.CLIENT_PROXY,
                                MessageLog.Kind.RESPONSE, metadata, metadata.encode(), HeadCodec.encode(head)));
                    }
                    case ReadEvent.Data d -> {
                        record.body(d.bytes(), 0, d.bytes().length);
                        if (out != null) {
                            out.write(d.bytes());
                        } else {
                            prefix.add(d.bytes());
                            prefixLength += d.bytes().length;
                            if (prefixLength > prefixTarget) {
                                out = answer(responder, head, prefix, Optional.empty());
                            }
                        }
                    }
                    case ReadEvent.Complete c -> {
                        verifyAndLog(c.message(), record);
                        if (out == null) {
                            out = answer(responder, head, prefix, Optional.of(prefixLength));
                        }
                        out.release();
                        return true;
                    }
                    case ReadEvent.Fault f -> throw f.fault().toException();
                }
            }
        } finally {
            if (record != null) {
                record.close();
            }
        }
    }

    /** Checks the response's start against the request and answers the IS with it. */
    private HeldTail answer(TrackingResponder responder, ResponseHead head, List<byte[]> prefix,
            Optional<Long> length) {
        if (call.protocol() == MessageProtocol.REST) {
            checkRest(head);
        } else {
            checkSoap(head, concat(prefix));
        }
        List<HttpHeader> headers = new ArrayList<>(head.headers());
        length.ifPresent(n -> headers.add(new HttpHeader("Content-Length", Long.toString(n))));
        HeldTail out = new HeldTail(responder.respond(head.status(), headers));
        prefix.forEach(out::write);
        return out;
    }

    private void checkRest(ResponseHead head) {
        RestResponseHeaders xroad = RestHeaderCodec.parseResponse(head.headers(), context.restLimits());
        String ours = ((IsRequestHash.Rest) sent.isHash()).finish();
        RestRequestHash.verify(ours, xroad.requestHash().orElse(""));
        if (!xroad.client().equals(Optional.of(call.client())) || !xroad.service().equals(Optional.of(call.service()))
                || !xroad.messageId().equals(Optional.of(call.messageId()))) {
            throw inconsistent("The response's X-Road-Client, X-Road-Service or X-Road-Id differ from the request's");
        }
    }

    private void checkSoap(ResponseHead head, byte[] prefix) {
        String value = SoapCalls.single(head.headers(), SoapCalls.CONTENT_TYPE).orElseThrow(() -> new ZholException(
                FaultCode.of(ErrorCode.INVALID_CONTENT_TYPE), Origin.PEER_SERVER, "The SOAP response has no Content-Type",
                null));
        ContentType type = ContentType.parse(value);
        SoapHead soap;
        if (SoapContentKind.of(type) == SoapContentKind.XML) {
            soap = SoapHeaderCodec.read(new ByteArrayInputStream(prefix), SoapCalls.charset(type), context.soapLimits());
        } else {
            SoapMultipart multipart = SoapMultipart.open(type, new ByteArrayInputStream(prefix), context.soapLimits());
            soap = SoapHeaderCodec.read(multipart.root().body(), SoapCalls.charset(multipart.rootType()),
                    context.soapLimits());
        }
        try (soap) {
            if (soap.isFault()) {
                return;
            }
            SoapConsistency.checkResponse(call.soapHeader().orElseThrow(), soap.requireHeader());
            SoapConsistency.checkRequestHash(soap.requireHeader(), ((IsRequestHash.Soap) sent.isHash()).finish());
        }
    }

    /**
     * The signature by the provider member and the provider server's checkpoint, then the log. (The reader
     * has checked that the metadata record names the request's message id, client and service and carries
     * its request hash.)
     */
    private void verifyAndLog(ReceivedMessage message, MessageLog.Record record) {
        context.signatures().verify(conf, message.signedMessage(), call.service().provider().member(),
                context.clock().instant());
        Optional<SignedCheckpoint> checkpoint;
        try {
            checkpoint = message.trailer().checkpoint().map(c -> context.signatures().verifyCheckpoint(conf, c,
                    channel.peer()));
        } catch (ZholException e) {
            throw new ZholException(e.faultCode(), Origin.PEER_SERVER, "The provider's server sent a checkpoint that"
                    + " does not verify: " + e.detail(), e);
        }
        record.commit(message.trailer().manifest(), message.trailer().signature(), checkpoint);
    }

    private static ZholException inconsistent(String detail) {
        return new ZholException(FaultCode.of(ErrorCode.INCONSISTENT_RESPONSE), Origin.PEER_SERVER, detail, null);
    }

    private static byte[] concat(List<byte[]> pieces) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        pieces.forEach(all::writeBytes);
        return all.toByteArray();
    }
}
