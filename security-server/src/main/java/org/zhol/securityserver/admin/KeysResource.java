// SPDX-License-Identifier: MIT
package org.zhol.securityserver.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.id.MemberId;
import org.zhol.securityserver.signer.KeyInfo;
import org.zhol.securityserver.signer.KeyRole;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;

/**
 * The admin API over the signer: list and generate keys, make CSRs, import certificates. Never a
 * private key or the PIN. An imported certificate makes the OCSP cache look for it at once.
 */
final class KeysResource {

    private final AdminApi.Trust trust;
    private final AdminJson json;

    KeysResource(AdminApi.Trust trust, AdminJson json) {
        this.trust = trust;
        this.json = json;
    }

    /** The routes, for {@link AdminApi}. */
    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.authenticated("GET", "/keys", this::list),
                AdminRoute.authenticated("POST", "/keys", this::generate),
                AdminRoute.authenticated("POST", "/keys/{id}/csr", this::csr),
                AdminRoute.authenticated("POST", "/certificates", this::importCertificate));
    }

    private HttpResponse list(HttpRequest request) {
        return json.respond(200, json.array(trust.signer().keys(), this::key));
    }

    private HttpResponse generate(HttpRequest request) {
        ObjectNode body = json.body(request);
        KeyRole role = switch (AdminJson.required(body, "role")) {
            case "AUTH" -> KeyRole.AUTH;
            case "SIGN" -> KeyRole.SIGN;
            default -> throw ZholException.client(ErrorCode.BAD_REQUEST, "The field role must be AUTH or SIGN");
        };
        Optional<MemberId> member = AdminJson.text(body, "member").map(MemberId::parse);
        String label = AdminJson.text(body, "label").orElse("");
        return json.respond(201, key(trust.signer().generateKey(role, member, label)));
    }

    private HttpResponse csr(HttpRequest request) {
        String keyId = request.pathParam("id");
        String subject = AdminJson.required(json.body(request), "subject");
        X500Name name;
        try {
            name = new X500Name(subject);
        } catch (IllegalArgumentException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "The field subject is not a distinguished name");
        }
        byte[] der = trust.signer().certificationRequest(keyId, name);
        return json.respond(200, json.object().put("keyId", keyId).put("subject", name.toString())
                .put("csr", Pem.encode("CERTIFICATE REQUEST", der)));
    }

    private HttpResponse importCertificate(HttpRequest request) {
        byte[] der = Pem.decode(AdminJson.required(json.body(request), "certificate"));
        KeyInfo key = trust.signer().importCertificate(der);
        trust.ocsp().refreshNow();
        return json.respond(200, key(key));
    }

    private ObjectNode key(KeyInfo key) {
        ObjectNode node = json.object().put("keyId", key.keyId()).put("role", key.role().name())
                .put("member", key.member().map(MemberId::toPath).orElse(null)).put("label", key.label())
                .put("algorithm", key.algorithm().name()).put("tokenId", key.tokenId());
        node.set("certificates", json.array(key.certificates(), this::certificate));
        return node;
    }

    private ObjectNode certificate(X509Certificate c) {
        return json.object().put("subject", c.getSubjectX500Principal().getName())
                .put("issuer", c.getIssuerX500Principal().getName())
                .put("serialNumber", c.getSerialNumber().toString(16))
                .put("notBefore", c.getNotBefore().toInstant().toString())
                .put("notAfter", c.getNotAfter().toInstant().toString())
                .put("sha256", CertificateHash.of(c).hex());
    }
}
