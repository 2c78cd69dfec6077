// SPDX-License-Identifier: MIT
package org.zhol.securityserver.exchange;

import java.util.Optional;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.transport.Frame;
import org.zhol.protocol.transport.FrameType;
import org.zhol.protocol.transport.TransportFault;
import org.zhol.protocol.transport.TransportFaultCodec;
import org.zhol.securityserver.metaservice.MetaserviceProvider;
import org.zhol.securityserver.registry.ServiceRegistry;

/**
 * The server proxy: serves one request from another security server per call ({@link InboundExchange},
 * {@link ResponseSender}). A failure becomes a FAULT frame with a {@code Server.ServerProxy.*} code, sent
 * instead of (the rest of) the response; the connection is then closed, since the rest of the request
 * was not read.
 */
public final class ServerProxy implements InboundExchangeHandler {

    private final ExchangeContext context;
    private final ServiceRegistry registry;
    private final ProviderClient provider;
    private final MetaserviceProvider metaservices;
    private final ReplayGuard replay;

    /**
     * A server proxy with a {@link ReplayGuard} of the configured window and the default capacity.
     *
     * @param metaservices answers the metaservice calls for the subsystems hosted here
     */
    public ServerProxy(ExchangeContext context, ServiceRegistry registry, ProviderClient provider,
            MetaserviceProvider metaservices) {
        this(context, registry, provider, metaservices, new ReplayGuard(context.settings().replayWindow(),
                ReplayGuard.DEFAULT_CAPACITY, context.clock()));
    }

    /** @param replay refuses requests signed outside the replay window and repeated message ids */
    public ServerProxy(ExchangeContext context, ServiceRegistry registry, ProviderClient provider,
            MetaserviceProvider metaservices, ReplayGuard replay) {
        this.context = context;
        this.registry = registry;
        this.provider = provider;
        this.metaservices = metaservices;
        this.replay = replay;
    }

    @Override
    public void handle(PeerChannel channel) {
        boolean clean = false;
        try {
            new InboundExchange(context, registry, provider, metaservices, replay, channel).run();
            clean = true;
        } catch (RuntimeException | Error e) {
            ZholException fault = ExchangeFaults.atServerProxy(e);
            String errorId = ExchangeFaults.logged(fault, "server proxy, from " + channel.peer());
            try {
                channel.send(new Frame(FrameType.FAULT, TransportFaultCodec.encode(TransportFault.of(fault,
                        Optional.of(errorId)))));
            } catch (ZholException gone) {
                // The peer has gone: nobody to tell.
            }
        } finally {
            channel.release(clean);
        }
    }
}
