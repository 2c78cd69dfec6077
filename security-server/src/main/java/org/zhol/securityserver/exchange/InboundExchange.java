// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.log.SignedCheckpoint;
import org.zhol.protocol.manifest.MessageMetadata;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.rest.RestHeaderCodec;
import org.zhol.protocol.rest.RestRequestHeaders;
import org.zhol.protocol.rest.RestRequestTarget;
import org.zhol.protocol.rest.RestTargetCodec;
import org.zhol.protocol.soap.SoapHeader;
import org.zhol.protocol.transport.HeadCodec;
import org.zhol.protocol.transport.MessageProtocol;
import org.zhol.protocol.transport.MessageReader;
import org.zhol.protocol.transport.ReadEvent;
import org.zhol.protocol.transport.ReceivedMessage;
import org.zhol.protocol.transport.RequestHead;
import org.zhol.securityserver.metaservice.MetaserviceProvider;
import org.zhol.securityserver.metaservice.MetaserviceResponse;
import org.zhol.securityserver.metaservice.Metaservices;
import org.zhol.securityserver.metaservice.RestMetaRequest;
import org.zhol.securityserver.metaservice.SoapMetaRequest;
import org.zhol.securityserver.registry.LocalService;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.securityserver.registry.ServiceType;

/**
 * The server proxy's steps for one request, all that can run on META and HEAD before the provider's
 * information system sees anything:
 * <ol>
 *   <li>a valid configuration ({@code OutdatedGlobalConf}), and a message log whose time-stamping keeps
 *       up ({@code LoggingFailed.TimestamperFailed});</li>
 *   <li>the TLS identity: the peer server hosts the request's client, or belongs to the client's member
 *       ({@code SslAuthenticationFailed});</li>
 *   <li>not a replay: signed within the replay window, a message id not seen yet ({@link ReplayGuard}:
 *       {@code InvalidSigningTime}, {@code DuplicateMessageId}; checked again, atomically, once verified);</li>
 *   <li>the service: known ({@code UnknownMember}, {@code UnknownService}), of the request's protocol
 *       ({@code InvalidServiceType}), granted to the client ({@code AccessDenied}; REST per method and
 *       path) and enabled ({@code ServiceDisabled}); the head's own X-Road fields (REST headers, SOAP
 *       header) must repeat the metadata record's ({@code InconsistentHeaders});</li>
 *   <li>the body: the first 64 KiB are received first, so that a small request is verified completely
 *       (signature by the client member, its certificate and OCSP, the consumer server's checkpoint, the
 *       durable log record) before the call; a larger one streams with its tail withheld until it is
 *       ({@link InboundBody}). Every piece also goes into the request's log record, opened at the HEAD.</li>
 * </ol>
 * Then {@link ResponseSender} answers with the provider's response, signed for the provider member.
 *
 * <p>A metaservice call ({@link Metaservices#match}) skips step 4's access check (metaservices are open to
 * every verified caller); once its small body is verified completely, {@link MetaserviceProvider} answers
 * it in place of an information system, and the answer is signed and sent the same way.
 */
final class InboundExchange {

    /** Bodies up to this size are verified completely before the information system is called. */
    static final int SMALL_BODY = 64 * 1024;

    private final ExchangeContext context;
    private final ServiceRegistry registry;
    private final ProviderClient provider;
    private final MetaserviceProvider metaservices;
    private final ReplayGuard replay;
    private final PeerChannel channel;

    // Six parameters: the proxy's shared parts plus this exchange's channel, passed on as they are.
    InboundExchange(ExchangeContext context, ServiceRegistry registry, ProviderClient provider,
            MetaserviceProvider metaservices, ReplayGuard replay, PeerChannel channel) {
        this.context = context;
        this.registry = registry;
        this.provider = provider;
        this.metaservices = metaservices;
        this.replay = replay;
        this.channel = channel;
    }

    /** Serves the exchange; returns when the response has been sent. */
    void run() {
        GlobalConfiguration conf = context.configuration().require();
        context.log().admit(MessageLog.Side.SERVER_PROXY);
        MessageReader reader = MessageReader.forRequest(context.limits(), context.settings().maxBodyBytes());
        MessageMetadata metadata = ((ReadEvent.Metadata) next(reader)).metadata();
        requirePeerSpeaksFor(conf, metadata);
        replay.check(metadata);
        RequestHead head = (RequestHead) ((ReadEvent.Head) next(reader)).head();
        // Metaservices are open to every verified caller: no access check, answered here, not by an IS.
        boolean meta = Metaservices.match(head.protocol() == MessageProtocol.REST ? ServiceType.REST : ServiceType.SOAP,
                head.method().name(), metadata.service()).isPresent();
        LocalService service = meta ? null : authorize(conf, metadata, head);
        if (meta && head.protocol() == MessageProtocol.REST) {
            checkRestHeaders(metadata, head);
        }
        IsRequestHash isHash = head.protocol() == MessageProtocol.REST ? IsRequestHash.rest(metadata.service(), head)
                : IsRequestHash.soap(SoapCalls.contentType(head.headers()), context.soapLimits());
        try (MessageLog.Record record = context.log().open(new MessageLog.Opening(MessageLog.Side.SERVER_PROXY,
                MessageLog.Kind.REQUEST, metadata, metadata.encode(), HeadCodec.encode(head)))) {
            AtomicReference<ReceivedMessage> verified = new AtomicReference<>();
            InboundBody body = new InboundBody(reader, channel, context.settings().peerTimeout(), piece -> {
                isHash.update(piece, 0, piece.length);
                record.body(piece, 0, piece.length);
            }, message -> verified.set(verifyAndLog(conf, metadata, message, record)));
            boolean small = body.prefetch(SMALL_BODY);
            Optional<SoapHeader> soapHeader = head.protocol() == MessageProtocol.SOAP
                    ? Optional.of(checkSoapHeader(metadata, head, body.bytes())) : Optional.empty();
            if (meta) {
                answerMetaservice(conf, metadata, head, isHash, soapHeader, small, body.bytes(), verified);
                return;
            }
            byte[] whole = small ? body.bytes() : null;
            HttpRequest.BodyPublisher publisher = !small ? HttpRequest.BodyPublishers.ofInputStream(() -> body)
                    : whole.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(whole);
            OptionalLong start = OptionalLong.of(System.nanoTime());
            HttpResponse<InputStream> response = provider.send(request(service, metadata, head, publisher),
                    service.timeout(), small ? () -> start : body::sentAt, body::failure);
            try (InputStream in = response.body()) {
                body.drain();
                new ResponseSender(context, channel).send(new ResponseSender.Request(metadata, head, verified.get(),
                        isHash, soapHeader), response.statusCode(), headers(response.headers().map()), in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A metaservice call, answered by {@link MetaserviceProvider} once the whole request is verified: its
     * body must be small, so that nothing (a description fetch included) happens for an unverified request.
     */
    // Eight parameters: the exchange's state at this step, passed on as it is (no holder object).
    private void answerMetaservice(GlobalConfiguration conf, MessageMetadata metadata, RequestHead head,
            IsRequestHash isHash, Optional<SoapHeader> soapHeader, boolean complete, byte[] body,
            AtomicReference<ReceivedMessage> verified) {
        if (!complete) {
            throw ZholException.client(ErrorCode.INVALID_REQUEST,
                    "A metaservice request must not be larger than " + SMALL_BODY + " bytes");
        }
        MetaserviceResponse answer = head.protocol() == MessageProtocol.REST
                ? metaservices.answer(new RestMetaRequest(metadata.client(), metadata.service(), head.method(),
                        head.query()), conf)
                : metaservices.answer(new SoapMetaRequest(metadata.client(), metadata.service(),
                        SoapCalls.single(head.headers(), SoapCalls.CONTENT_TYPE).orElseThrow(),
                        new ByteArrayInputStream(body)), conf);
        try {
            new ResponseSender(context, channel).send(new ResponseSender.Request(metadata, head, verified.get(),
                    isHash, soapHeader), answer.status(), answer.headers(), answer.openBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ReadEvent next(MessageReader reader) {
        ReadEvent event = reader.accept(channel.receive(context.settings().peerTimeout()));
        if (event instanceof ReadEvent.Fault f) {
            throw f.fault().toException();
        }
        return event;
    }

    /** The peer must host the client, or belong to its member (X-Road's TLS client check). */
    private void requirePeerSpeaksFor(GlobalConfiguration conf, MessageMetadata metadata) {
        boolean ok = channel.peer().owner().equals(metadata.client().member())
                || conf.serversHosting(metadata.client()).stream().anyMatch(s -> s.id().equals(channel.peer()));
        if (!ok) {
            throw new ZholException(FaultCode.of(ErrorCode.SSL_AUTHENTICATION_FAILED), Origin.CLIENT, "The security "
                    + "server " + channel.peer() + " does not host the client " + metadata.client(), null);
        }
    }

    private LocalService authorize(GlobalConfiguration conf, MessageMetadata metadata, RequestHead head) {
        LocalService service = registry.service(metadata.service());
        ServiceType wanted = head.protocol() == MessageProtocol.REST ? ServiceType.REST : ServiceType.SOAP;
        if (service.type() != wanted) {
            throw ZholException.client(ErrorCode.INVALID_SERVICE_TYPE, "The service " + metadata.service() + " is a "
                    + service.type() + " service and cannot be called with " + head.protocol());
        }
        if (head.protocol() == MessageProtocol.REST) {
            checkRestHeaders(metadata, head);
            return registry.authorize(metadata.client(), metadata.service(), Optional.of(head.method()),
                    Optional.of(decodedPath(head.path())), conf);
        }
        return registry.authorize(metadata.client(), metadata.service(), Optional.empty(), Optional.empty(), conf);
    }

    private static void checkRestHeaders(MessageMetadata metadata, RequestHead head) {
        RestRequestHeaders xroad = RestHeaderCodec.parseRequest(head.headers());
        if (!xroad.client().equals(metadata.client()) || !xroad.messageId().equals(Optional.of(metadata.messageId()))) {
            throw ZholException.client(ErrorCode.INCONSISTENT_HEADERS,
                    "The request's X-Road-Client or X-Road-Id differ from its metadata record");
        }
    }

    private SoapHeader checkSoapHeader(MessageMetadata metadata, RequestHead head, byte[] prefix) {
        SoapHeader header = SoapCalls.header(SoapCalls.contentType(head.headers()), prefix, context.soapLimits());
        if (!header.client().equals(metadata.client()) || !header.service().equals(metadata.service())
                || !header.id().equals(metadata.messageId())) {
            throw ZholException.client(ErrorCode.INCONSISTENT_HEADERS,
                    "The SOAP header's client, service or id differ from the request's metadata record");
        }
        return header;
    }

    /**
     * The signature by the client member, its certificate and OCSP, and the consumer server's checkpoint;
     * then the record is committed with them and durable before the body's last piece is released.
     */
    private ReceivedMessage verifyAndLog(GlobalConfiguration conf, MessageMetadata metadata, ReceivedMessage message,
            MessageLog.Record record) {
        context.signatures().verify(conf, message.signedMessage(), metadata.client().member(), context.clock().instant());
        replay.remember(metadata);
        Optional<SignedCheckpoint> checkpoint = message.trailer().checkpoint().map(c ->
                context.signatures().verifyCheckpoint(conf, c, channel.peer()));
        record.commit(message.trailer().manifest(), message.trailer().signature(), checkpoint);
        return message;
    }

    private HttpRequest request(LocalService service, MessageMetadata metadata, RequestHead head,
            HttpRequest.BodyPublisher body) {
        URI uri = head.protocol() == MessageProtocol.REST
                ? RestTargetCodec.providerUri(service.url().toString(),
                        new RestRequestTarget(metadata.service(), head.path(), head.query()))
                : service.url();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(head.method().name(), body);
        try {
            for (HttpHeader header : head.headers()) {
                builder.header(header.name(), header.value());
            }
        } catch (IllegalArgumentException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "A request header cannot be passed on: "
                    + org.zhol.protocol.error.Faults.excerpt(e.getMessage()));
        }
        return builder.build();
    }

    /** The percent-decoded service path that access rights are matched against; "" is "/". */
    static String decodedPath(String path) {
        return path.isEmpty() ? "/" : URI.create(path).getPath();
    }

    private static List<HttpHeader> headers(Map<String, List<String>> map) {
        List<HttpHeader> headers = new ArrayList<>();
        map.forEach((name, values) -> {
            if (!name.startsWith(":")) {
                values.forEach(v -> headers.add(new HttpHeader(name, v)));
            }
        });
        return headers;
    }
}
