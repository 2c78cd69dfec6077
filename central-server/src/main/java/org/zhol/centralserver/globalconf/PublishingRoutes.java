// SPDX-License-Identifier: MIT
package org.zhol.centralserver.globalconf;

import java.util.Base64;
import org.zhol.centralserver.admin.AdminJson;
import org.zhol.centralserver.trust.keys.SigningKeyEntry;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfDirectory;
import org.zhol.server.http.Router;

/**
 * The admin API's publishing routes: {@code GET /anchor} (the anchor download), {@code GET /keys},
 * {@code POST /keys/future}, {@code POST /keys/activate} (the rotation steps of
 * {@code docs/publishing.md}) and {@code POST /configuration/publish} (a generation now).
 */
final class PublishingRoutes {

    /** A signing key as the API shows it. */
    record KeyView(int number, String state, String createdAt, String stateSince, String listedUntil, String subject,
            String notAfter, String sha256, String certificate) {

        static KeyView of(SigningKeyEntry e) {
            try {
                return new KeyView(e.number(), e.state().name(), e.createdAt().toString(), e.stateSince().toString(),
                        e.listedUntil().map(Object::toString).orElse(null),
                        e.certificate().getSubjectX500Principal().getName(),
                        e.certificate().getNotAfter().toInstant().toString(), CertificateHash.of(e.certificate()).hex(),
                        Base64.getEncoder().encodeToString(e.certificate().getEncoded()));
            } catch (java.security.cert.CertificateEncodingException x) {
                throw ZholException.internal(ErrorCode.INTERNAL_ERROR, "Cannot encode a signing certificate", x);
            }
        }
    }

    /** A generation as the API shows it. */
    record GenerationView(String instance, long generation, String generatedAt, String expiresAt) {

        static GenerationView of(GlobalConfDirectory d) {
            return new GenerationView(d.instance(), d.generation(), d.generatedAt().toString(),
                    d.expiresAt().toString());
        }
    }

    private final PublishingRun run;
    private final AdminJson json;

    PublishingRoutes(PublishingRun run, AdminJson json) {
        this.run = run;
        this.json = json;
    }

    void register(Router.Builder routes) {
        routes.get("/anchor", r -> run.anchors().handler().handle(r))
                .get("/keys", r -> json.ok(run.keys().keys().stream().map(KeyView::of).toList()))
                .post("/keys/future", r -> json.created(KeyView.of(run.keys().generateFuture())))
                .post("/keys/activate", r -> json.ok(KeyView.of(run.keys().activateFuture())))
                .post("/configuration/publish", r -> json.created(GenerationView.of(run.publisher().publishNow())));
    }
}
