// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;

/** The JSON form of {@link ApprovedCa} and {@link ApprovedTsa} inside {@code shared-params.json}. */
final class TrustServicesJson {

    private TrustServicesJson() {
    }

    static ObjectNode encodeCa(ApprovedCa ca) {
        ObjectNode node = Json.object().put("name", ca.name()).put("topCertificate", Json.base64(ca.topCertificate()));
        node.set("intermediates", Json.texts(ca.intermediates().stream().map(Json::base64).toList()));
        ArrayNode responders = node.putArray("ocspResponders");
        for (OcspResponder responder : ca.ocspResponders()) {
            ObjectNode r = responders.addObject().put("url", responder.url().toString());
            responder.certificate().ifPresent(c -> r.put("certificate", Json.base64(c)));
        }
        return node.put("certificateProfile", ca.certificateProfile());
    }

    static ApprovedCa decodeCa(JsonNode node) {
        return new ApprovedCa(Json.text(node, "name"), Json.certificate(Json.text(node, "topCertificate")),
                Json.list(node, "intermediates", c -> Json.certificate(Json.textOf(c))),
                Json.list(node, "ocspResponders", TrustServicesJson::decodeResponder),
                Json.text(node, "certificateProfile"));
    }

    static ObjectNode encodeTsa(ApprovedTsa tsa) {
        return Json.object().put("name", tsa.name()).put("url", tsa.url().toString())
                .put("certificate", Json.base64(tsa.certificate()));
    }

    static ApprovedTsa decodeTsa(JsonNode node) {
        return new ApprovedTsa(Json.text(node, "name"), url(Json.text(node, "url")),
                Json.certificate(Json.text(node, "certificate")));
    }

    private static OcspResponder decodeResponder(JsonNode node) {
        Optional<String> cert = node.hasNonNull("certificate") ? Optional.of(Json.text(node, "certificate"))
                : Optional.empty();
        return new OcspResponder(url(Json.text(node, "url")), cert.map(Json::certificate));
    }

    static URI url(String text) {
        URI uri = Json.parse(text, URI::create);
        if (!uri.isAbsolute()) {
            throw GlobalConfFaults.malformed("A URL is not absolute");
        }
        return uri;
    }
}
