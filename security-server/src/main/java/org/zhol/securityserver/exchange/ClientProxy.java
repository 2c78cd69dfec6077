// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.FaultCode;
import org.zhol.protocol.error.Origin;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.rest.HttpHeader;
import org.zhol.protocol.transport.MessageProtocol;
import org.zhol.securityserver.metaservice.ListClients;
import org.zhol.securityserver.metaservice.ListClientsRequest;
import org.zhol.securityserver.metaservice.MetaserviceResponse;
import org.zhol.securityserver.metaservice.Metaservices;
import org.zhol.securityserver.registry.IsAuthentication;
import org.zhol.securityserver.registry.IsAuthenticationDecision;
import org.zhol.securityserver.registry.ServiceRegistry;
import org.zhol.securityserver.store.IsAuthenticationRepository;

/**
 * The client proxy: an information system's REST r1 or SOAP 4.0 request in, the provider's answer (or a
 * fault in the IS's protocol) out. The checks run in ARCHITECTURE §3's order:
 * <ol>
 *   <li>a known local client: a subsystem hosted here (or this server's owner member);</li>
 *   <li>the IS connection as the client's {@link IsAuthentication} requires;</li>
 *   <li>a valid global configuration ({@code OutdatedGlobalConf}) that lists this server as hosting the
 *       client ({@code UnknownMember});</li>
 *   <li>a well-formed request (the protocol codecs; a SOAP request's head must be parsed to find its
 *       client, so its malformations are reported first);</li>
 *   <li>a declared body within the size limit ({@code BadRequest}; a body that grows past it fails the
 *       same way while it streams);</li>
 *   <li>a message log whose time-stamping keeps up ({@code LoggingFailed.TimestamperFailed}).</li>
 * </ol>
 * Then {@link OutboundExchange} runs the exchange. Every failure goes through {@link ExchangeFaults}.
 *
 * <p>{@code GET /listClients} is answered here from the configuration ({@link ListClients}) before any of
 * these checks; the other metaservices travel as ordinary calls and are answered by the provider's server.
 */
public final class ClientProxy implements ClientRequestHandler {

    private final ExchangeContext context;
    private final ServiceRegistry registry;
    private final IsAuthenticationRepository isAuthentication;
    private final OutboundExchange exchange;

    public ClientProxy(ExchangeContext context, ServiceRegistry registry, IsAuthenticationRepository isAuthentication,
            PeerConnector connector) {
        this.context = context;
        this.registry = registry;
        this.isAuthentication = isAuthentication;
        this.exchange = new OutboundExchange(context, connector);
    }

    @Override
    public void handle(ClientRequest request, ClientResponder responder) {
        MessageProtocol protocol = RestCalls.isRest(request.uri()) ? MessageProtocol.REST : MessageProtocol.SOAP;
        TrackingResponder tracking = new TrackingResponder(responder);
        try {
            Optional<ListClientsRequest> listClients = Metaservices.matchListClients(request.method(), request.uri(),
                    request.headers());
            if (listClients.isPresent()) {
                answer(ListClients.answer(listClients.get(), context.configuration().require()), tracking);
                return;
            }
            ClientCall call = protocol == MessageProtocol.REST ? restCall(request) : soapCall(request);
            GlobalConfiguration conf = context.configuration().require();
            requireHostedHere(conf, call.client());
            requireSize(call.contentLength());
            context.log().admit(MessageLog.Side.CLIENT_PROXY);
            exchange.run(call, conf, tracking);
        } catch (RuntimeException | Error e) {
            ZholException fault = ExchangeFaults.atClientProxy(e);
            String errorId = ExchangeFaults.logged(fault, "client proxy " + request.method() + " "
                    + org.zhol.protocol.error.Faults.excerpt(request.uri()));
            if (!tracking.started()) {
                ExchangeFaults.respond(tracking, protocol, fault, errorId);
            }
            // Otherwise the body stays unfinished and the transport aborts it.
        }
    }

    /**
     * {@code listClients} needs no client and no IS authentication (as in X-Road), only a valid
     * configuration; it never leaves this server.
     */
    private static void answer(MetaserviceResponse answer, TrackingResponder responder) {
        List<HttpHeader> headers = new ArrayList<>(answer.headers());
        headers.add(new HttpHeader("Content-Length", Integer.toString(answer.length())));
        try (OutputStream out = responder.respond(answer.status(), headers)) {
            answer.openBody().transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ClientCall restCall(ClientRequest request) {
        ClientId client = RestCalls.client(request, context.restLimits());
        authenticate(request, client);
        context.configuration().require();
        return RestCalls.call(request, context.restLimits(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    private ClientCall soapCall(ClientRequest request) {
        ClientCall call = SoapCalls.call(request, context.soapLimits(), UUID.randomUUID().toString());
        authenticate(request, call.client());
        return call;
    }

    /** Steps 1 and 2: the client is local, and the IS may speak for it. */
    private void authenticate(ClientRequest request, ClientId client) {
        try {
            checkClient(request, client);
        } catch (ZholException e) {
            // X-Road reports these as the client proxy's own faults (Server.ClientProxy.*), not the caller's.
            throw new ZholException(e.faultCode(), Origin.THIS_SERVER, e.detail(), e);
        }
    }

    private void checkClient(ClientRequest request, ClientId client) {
        switch (client) {
            case SubsystemId subsystem -> {
                registry.client(subsystem);
                IsAuthenticationDecision.check(subsystem, isAuthentication.mode(subsystem),
                        isAuthentication.certificates(subsystem), request.tls(), request.clientCertificates());
            }
            case MemberId member -> {
                if (!member.equals(context.serverId().owner())) {
                    throw ZholException.client(ErrorCode.UNKNOWN_MEMBER,
                            "The client " + member + " is not a client of this security server");
                }
            }
        }
    }

    /** Step 3's second half: the configuration says this server hosts the client. */
    private void requireHostedHere(GlobalConfiguration conf, ClientId client) {
        boolean hosted = client.equals(context.serverId().owner())
                || conf.serversHosting(client).stream().anyMatch(s -> s.id().equals(context.serverId()));
        if (!hosted) {
            throw new ZholException(FaultCode.of(ErrorCode.UNKNOWN_MEMBER), Origin.THIS_SERVER, "The client " + client
                    + " is not registered for this security server in the global configuration", null);
        }
    }

    private void requireSize(OptionalLong contentLength) {
        if (contentLength.isPresent() && contentLength.getAsLong() > context.settings().maxBodyBytes()) {
            throw OutboundExchange.tooLarge(context.settings().maxBodyBytes());
        }
    }
}
