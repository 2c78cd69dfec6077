// SPDX-License-Identifier: MIT
package org.zhol.securityserver.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.securityserver.registry.IsAuthentication;
import org.zhol.securityserver.registry.IsCertificate;
import org.zhol.securityserver.store.IsAuthenticationRepository;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;

/**
 * The admin API over each local client's IS authentication: its mode ({@code NONE}, {@code TLS},
 * {@code MTLS}) and its whitelist of information systems' TLS client certificates.
 */
final class IsAuthenticationResource {

    private final IsAuthenticationRepository repository;
    private final AdminJson json;

    IsAuthenticationResource(IsAuthenticationRepository repository, AdminJson json) {
        this.repository = repository;
        this.json = json;
    }

    /** The routes, for {@link AdminApi}. */
    List<AdminRoute> routes() {
        String base = "/clients/{client}/is-auth";
        return List.of(
                AdminRoute.authenticated("GET", base, this::get),
                AdminRoute.authenticated("PUT", base, this::setMode),
                AdminRoute.authenticated("POST", base + "/certificates", this::addCertificate),
                AdminRoute.authenticated("DELETE", base + "/certificates/{sha256}", this::removeCertificate));
    }

    private HttpResponse get(HttpRequest request) {
        return json.respond(200, view(client(request)));
    }

    private HttpResponse setMode(HttpRequest request) {
        SubsystemId client = client(request);
        String mode = AdminJson.required(json.body(request), "mode");
        try {
            repository.setMode(client, IsAuthentication.valueOf(mode.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The mode must be NONE, TLS or MTLS");
        }
        return json.respond(200, view(client));
    }

    private HttpResponse addCertificate(HttpRequest request) {
        SubsystemId client = client(request);
        X509Certificate certificate = parse(Pem.decode(AdminJson.required(json.body(request), "certificate")));
        IsCertificate entry = new IsCertificate(CertificateHash.of(certificate),
                certificate.getSubjectX500Principal().getName(), Instant.now());
        boolean added = repository.addCertificate(client, entry);
        return json.respond(added ? 201 : 200, certificate(entry));
    }

    private HttpResponse removeCertificate(HttpRequest request) {
        SubsystemId client = client(request);
        CertificateHash hash;
        try {
            hash = new CertificateHash(request.pathParam("sha256").toLowerCase(Locale.ROOT));
        } catch (ZholException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "A certificate is named by its SHA-256, 64 hex digits");
        }
        if (!repository.removeCertificate(client, hash)) {
            throw ZholException.client(ErrorCode.NOT_FOUND, "No such certificate on the whitelist of " + client);
        }
        return HttpResponse.empty(204);
    }

    private ObjectNode view(SubsystemId client) {
        ObjectNode node = json.object().put("mode", repository.mode(client).name());
        node.set("certificates", json.array(repository.certificates(client), this::certificate));
        return node;
    }

    private ObjectNode certificate(IsCertificate c) {
        return json.object().put("sha256", c.hash().hex()).put("subject", c.subject())
                .put("addedAt", c.addedAt().toString());
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | ClassCastException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The certificate cannot be parsed");
        }
    }

    private static SubsystemId client(HttpRequest request) {
        return PathIds.client(request.pathParam("client"));
    }
}
