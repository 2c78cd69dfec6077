// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.id.XRoadId;

/**
 * Turns a {@link GlobalConfiguration} into its JSON parts and back: {@code shared-params.json} (member
 * classes, members, security servers, global groups, approved CAs and TSAs) and
 * {@code trust-params.json} (timing). Identifiers are written in their path form, e.g.
 * {@code DEV/GOV/1234/TAXES}. The schema by example is in {@code docs/global-configuration.md}.
 *
 * <p>Decoding assumes that the bytes were already checked against a verified directory; it does not
 * check signatures or hashes.
 *
 * <p><b>Limits:</b> each part is at most {@link #MAX_PART_LENGTH} bytes.
 */
public final class GlobalConfPartsCodec {

    /** Limit: the largest part decoded. */
    public static final int MAX_PART_LENGTH = 16 * 1024 * 1024;
    /** The format version of the parts. */
    public static final int FORMAT_VERSION = 1;

    private GlobalConfPartsCodec() {
    }

    /** The parts of {@code conf}, by name, in directory order. */
    public static Map<String, byte[]> encode(GlobalConfiguration conf) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put(GlobalConfLayout.SHARED_PARAMS, Json.write(encodeShared(conf)));
        parts.put(GlobalConfLayout.TRUST_PARAMS, Json.write(encodeTrust(conf.instance(), conf.trustParameters())));
        return parts;
    }

    /**
     * Decodes the two parts.
     *
     * @throws org.zhol.protocol.error.ZholException {@code MalformedGlobalConf} when a part is missing or
     *                                               malformed, or the parts disagree on the instance
     */
    public static GlobalConfiguration decode(Map<String, byte[]> parts) {
        JsonNode shared = Json.parse(require(parts, GlobalConfLayout.SHARED_PARAMS), MAX_PART_LENGTH,
                GlobalConfLayout.SHARED_PARAMS);
        JsonNode trust = Json.parse(require(parts, GlobalConfLayout.TRUST_PARAMS), MAX_PART_LENGTH,
                GlobalConfLayout.TRUST_PARAMS);
        Json.requireFormatVersion(shared, FORMAT_VERSION, GlobalConfLayout.SHARED_PARAMS);
        Json.requireFormatVersion(trust, FORMAT_VERSION, GlobalConfLayout.TRUST_PARAMS);
        String instance = Json.text(shared, "instance");
        if (!instance.equals(Json.text(trust, "instance"))) {
            throw GlobalConfFaults.wrongInstance(instance, Json.text(trust, "instance"));
        }
        return Json.parse(instance, i -> new GlobalConfiguration(i,
                Json.list(shared, "memberClasses", GlobalConfPartsCodec::memberClass),
                Json.list(shared, "members", GlobalConfPartsCodec::member),
                Json.list(shared, "securityServers", GlobalConfPartsCodec::server),
                Json.list(shared, "globalGroups", GlobalConfPartsCodec::group),
                Json.list(shared, "approvedCas", TrustServicesJson::decodeCa),
                Json.list(shared, "approvedTsas", TrustServicesJson::decodeTsa),
                decodeTrust(trust)));
    }

    private static byte[] require(Map<String, byte[]> parts, String name) {
        byte[] bytes = parts.get(name);
        if (bytes == null) {
            throw GlobalConfFaults.malformed("Missing part " + name);
        }
        return bytes;
    }

    private static ObjectNode encodeShared(GlobalConfiguration conf) {
        ObjectNode root = Json.object().put("formatVersion", FORMAT_VERSION).put("instance", conf.instance());
        ArrayNode classes = root.putArray("memberClasses");
        conf.memberClasses().forEach(c -> classes.addObject().put("code", c.code()).put("description",
                c.description()));
        ArrayNode members = root.putArray("members");
        for (Member m : conf.members()) {
            members.addObject().put("id", m.id().toPath()).put("name", m.name()).set("subsystems",
                    Json.texts(m.subsystems().stream().map(s -> s.subsystemCode()).toList()));
        }
        ArrayNode servers = root.putArray("securityServers");
        for (SecurityServer s : conf.securityServers()) {
            ObjectNode server = servers.addObject().put("id", s.id().toPath()).put("address", s.address());
            server.set("authCertHashes", Json.texts(s.authCertHashes().stream().map(CertificateHash::hex).toList()));
            server.set("clients", Json.texts(s.clients().stream().map(XRoadId::toPath).toList()));
            server.put("maintenance", s.maintenance());
        }
        ArrayNode groups = root.putArray("globalGroups");
        for (GlobalGroup g : conf.globalGroups()) {
            groups.addObject().put("id", g.id().toPath()).put("description", g.description()).set("members",
                    Json.texts(g.members().stream().map(XRoadId::toPath).toList()));
        }
        ArrayNode cas = root.putArray("approvedCas");
        conf.approvedCas().forEach(ca -> cas.add(TrustServicesJson.encodeCa(ca)));
        ArrayNode tsas = root.putArray("approvedTsas");
        conf.approvedTsas().forEach(tsa -> tsas.add(TrustServicesJson.encodeTsa(tsa)));
        return root;
    }

    private static MemberClass memberClass(JsonNode node) {
        return Json.parse(Json.text(node, "code"), code -> new MemberClass(code, Json.text(node, "description")));
    }

    private static Member member(JsonNode node) {
        MemberId id = Json.parse(Json.text(node, "id"), MemberId::parse);
        return Json.parse(Json.text(node, "name"), name -> new Member(id, name,
                Json.list(node, "subsystems", s -> Json.parse(Json.textOf(s), id::subsystem))));
    }

    private static SecurityServer server(JsonNode node) {
        SecurityServerId id = Json.parse(Json.text(node, "id"), SecurityServerId::parse);
        return Json.parse(Json.text(node, "address"), address -> new SecurityServer(id, address,
                Json.list(node, "authCertHashes", h -> Json.parse(Json.textOf(h), CertificateHash::new)),
                Json.list(node, "clients", c -> Json.parse(Json.textOf(c), ClientId::parse)),
                Json.bool(node, "maintenance")));
    }

    private static GlobalGroup group(JsonNode node) {
        GlobalGroupId id = Json.parse(Json.text(node, "id"), GlobalGroupId::parse);
        return Json.parse(Json.text(node, "description"), description -> new GlobalGroup(id, description,
                Json.list(node, "members", c -> Json.parse(Json.textOf(c), ClientId::parse))));
    }

    private static ObjectNode encodeTrust(String instance, TrustParameters trust) {
        return Json.object().put("formatVersion", FORMAT_VERSION).put("instance", instance)
                .put("ocspFreshnessSeconds", trust.ocspFreshness().toSeconds())
                .put("timestampingIntervalSeconds", trust.timestampingInterval().toSeconds())
                .put("configurationExpirySeconds", trust.configurationExpiry().toSeconds());
    }

    private static TrustParameters decodeTrust(JsonNode node) {
        long ocsp = Json.longValue(node, "ocspFreshnessSeconds");
        long stamping = Json.longValue(node, "timestampingIntervalSeconds");
        long expiry = Json.longValue(node, "configurationExpirySeconds");
        return Json.parse("", x -> new TrustParameters(Duration.ofSeconds(ocsp), Duration.ofSeconds(stamping),
                Duration.ofSeconds(expiry)));
    }
}
