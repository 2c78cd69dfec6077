// SPDX-License-Identifier: MIT
package org.zhol.centralserver.management;

import io.netty.handler.ssl.SslContext;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.zhol.centralserver.CentralContext;
import org.zhol.centralserver.CentralServerExtension;
import org.zhol.centralserver.admin.AdminJson;
import org.zhol.centralserver.store.SqlManagementRequestStore;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.server.http.Router;

/**
 * Management requests, plugged into the central server: the registration listener's TLS and routes,
 * the admin API's {@code /requests} and {@code /registration-tls}, the TLS key at {@code init}, and the
 * recovery of interrupted approvals at start. The approval policy is the configuration's
 * {@code autoApprove}. Holds no state of its own: every hook builds what it needs from the context.
 */
public final class ManagementExtension implements CentralServerExtension {

    /** The registration listener's certificate, for security servers to pin. */
    record TlsView(String subject, String notAfter, String sha256, String certificate) {
    }

    private final Clock clock;

    /** @param clock the time of receipt and of decisions */
    public ManagementExtension(Clock clock) {
        this.clock = clock;
    }

    /** The service on {@code context}'s database and registry. */
    public ManagementService service(CentralContext context) {
        return new ManagementService(new SqlManagementRequestStore(context.database()), context.registry(),
                context.configuration(), context.config().autoApprove(), clock);
    }

    @Override
    public void initialise(CentralContext context) {
        tls(context).ensure();
    }

    @Override
    public void adminRoutes(Router.Builder routes, CentralContext context) {
        AdminJson json = new AdminJson(context.json());
        new RequestRoutes(service(context), context.tokens(), json).register(routes);
        routes.get("/registration-tls", r -> json.ok(view(tls(context).certificate())));
    }

    @Override
    public void registrationRoutes(Router.Builder routes, CentralContext context) {
        new RegistrationRoutes(service(context), context.json()).register(routes);
    }

    @Override
    public Optional<SslContext> registrationTls(CentralContext context) {
        return Optional.of(tls(context).serverContext());
    }

    @Override
    public AutoCloseable start(CentralContext context) {
        service(context).recover();
        return () -> { };
    }

    private static RegistrationTls tls(CentralContext context) {
        return new RegistrationTls(context.config().dataPath().resolve("tls"),
                context.config().listeners().registration().host());
    }

    private static TlsView view(X509Certificate cert) {
        try {
            return new TlsView(cert.getSubjectX500Principal().getName(), cert.getNotAfter().toInstant().toString(),
                    CertificateHash.of(cert).hex(), Base64.getEncoder().encodeToString(cert.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot encode the TLS certificate", e);
        }
    }
}
