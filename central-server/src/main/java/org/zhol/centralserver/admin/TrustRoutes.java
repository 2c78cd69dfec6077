// SPDX-License-Identifier: MIT
package org.zhol.centralserver.admin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.zhol.centralserver.admin.AdminViews.CaView;
import org.zhol.centralserver.admin.AdminViews.NewCa;
import org.zhol.centralserver.admin.AdminViews.NewTsa;
import org.zhol.centralserver.admin.AdminViews.Responder;
import org.zhol.centralserver.admin.AdminViews.TrustParametersView;
import org.zhol.centralserver.admin.AdminViews.TsaView;
import org.zhol.centralserver.registry.Certificates;
import org.zhol.centralserver.registry.TrustServices;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.Router;

/** {@code /cas}, {@code /tsas} and {@code /trust-parameters}. */
final class TrustRoutes {

    private final TrustServices trust;
    private final AdminJson json;

    TrustRoutes(TrustServices trust, AdminJson json) {
        this.trust = trust;
        this.json = json;
    }

    void register(Router.Builder routes) {
        routes.get("/cas", r -> json.ok(trust.approvedCas().stream().map(CaView::of).toList()))
                .post("/cas", this::addCa)
                .get("/cas/{name}", r -> json.ok(CaView.of(trust.approvedCa(r.pathParam("name")))))
                .delete("/cas/{name}", r -> {
                    trust.removeApprovedCa(r.pathParam("name"));
                    return json.noContent();
                })
                .get("/tsas", r -> json.ok(trust.approvedTsas().stream().map(TsaView::of).toList()))
                .post("/tsas", this::addTsa)
                .delete("/tsas/{name}", r -> {
                    trust.removeApprovedTsa(r.pathParam("name"));
                    return json.noContent();
                })
                .get("/trust-parameters", r -> json.ok(TrustParametersView.of(trust.trustParameters())))
                .put("/trust-parameters", this::setParameters);
    }

    private HttpResponse addCa(HttpRequest r) {
        NewCa in = json.read(r, NewCa.class);
        List<OcspResponder> responders = Optional.ofNullable(in.ocspResponders()).orElse(List.of()).stream()
                .map(TrustRoutes::responder).toList();
        ApprovedCa ca = new ApprovedCa(required("name", in.name()), Certificates.parse("certificate", in.certificate()),
                Optional.ofNullable(in.intermediates()).orElse(List.of()).stream()
                        .map(c -> Certificates.parse("intermediates", c)).toList(),
                responders, required("certificateProfile", in.certificateProfile()));
        trust.addApprovedCa(ca);
        return json.created(CaView.of(trust.approvedCa(ca.name().strip())));
    }

    private HttpResponse addTsa(HttpRequest r) {
        NewTsa in = json.read(r, NewTsa.class);
        ApprovedTsa tsa = new ApprovedTsa(required("name", in.name()), url("url", in.url()),
                Certificates.parse("certificate", in.certificate()));
        trust.addApprovedTsa(tsa);
        return json.created(trust.approvedTsas().stream().filter(t -> t.name().equals(tsa.name().strip()))
                .map(TsaView::of).findFirst().orElseThrow());
    }

    private HttpResponse setParameters(HttpRequest r) {
        TrustParametersView in = json.read(r, TrustParametersView.class);
        TrustParameters now = trust.trustParameters();
        try {
            trust.setTrustParameters(new TrustParameters(
                    seconds(in.ocspFreshnessSeconds(), now.ocspFreshness()),
                    seconds(in.timestampingIntervalSeconds(), now.timestampingInterval()),
                    seconds(in.configurationExpirySeconds(), now.configurationExpiry())));
        } catch (IllegalArgumentException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        return json.ok(TrustParametersView.of(trust.trustParameters()));
    }

    private static Duration seconds(Long value, Duration current) {
        return value == null ? current : Duration.ofSeconds(value);
    }

    private static OcspResponder responder(Responder in) {
        if (in == null) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, "ocspResponders must not contain null");
        }
        return new OcspResponder(url("ocspResponders.url", in.url()), Optional.ofNullable(in.certificate())
                .map(c -> Certificates.parse("ocspResponders.certificate", c)));
    }

    private static java.net.URI url(String field, String text) {
        try {
            return new java.net.URI(required(field, text).strip());
        } catch (java.net.URISyntaxException e) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, field + " must be an absolute http or https URL");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ZholException.client(ErrorCode.BAD_REQUEST, field + " is required");
        }
        return value;
    }
}
