// SPDX-License-Identifier: MIT
package org.zhol.centralserver.admin;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.zhol.centralserver.registry.Certificates;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalGroup;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.SubsystemId;
import org.zhol.protocol.id.XRoadId;
import org.zhol.server.admin.ApiToken;

/**
 * The JSON shapes of the admin API, as records, with their mapping from the domain records.
 * Identifiers appear in their path form ({@code DEV/GOV/123/SUB}); certificates as base64 DER;
 * durations in seconds; instants as ISO-8601 text. {@code central-server/README.md} lists them.
 */
public final class AdminViews {

    private AdminViews() {
    }

    /** A member class, in and out. */
    public record MemberClassView(String code, String description) {
    }

    /** {@code POST /members}. */
    public record NewMember(String memberClass, String memberCode, String name) {
    }

    /** {@code PUT /members/{class}/{code}}. */
    public record MemberName(String name) {
    }

    /** {@code POST /members/{class}/{code}/subsystems}. */
    public record NewSubsystem(String subsystemCode) {
    }

    /** A member with the codes of its subsystems. */
    public record MemberView(String id, String memberClass, String memberCode, String name, List<String> subsystems) {

        static MemberView of(Member m) {
            return new MemberView(m.id().toPath(), m.id().memberClass(), m.id().memberCode(), m.name(),
                    m.subsystems().stream().map(SubsystemId::subsystemCode).toList());
        }
    }

    /** {@code POST /security-servers}: registers a server's authentication certificate directly. */
    public record NewSecurityServer(String memberClass, String memberCode, String serverCode, String address,
            String authCertificate) {
    }

    /** {@code PUT .../address}. */
    public record Address(String address) {
    }

    /** {@code PUT .../maintenance}. */
    public record Maintenance(Boolean maintenance) {
    }

    /** {@code POST .../clients}: a member or subsystem of this instance, in path form. */
    public record NewClient(String client) {
    }

    /** A security server. */
    public record SecurityServerView(String id, String owner, String serverCode, String address,
            List<String> authCertHashes, List<String> clients, boolean maintenance) {

        static SecurityServerView of(SecurityServer s) {
            return new SecurityServerView(s.id().toPath(), s.id().owner().toPath(), s.id().serverCode(), s.address(),
                    s.authCertHashes().stream().map(CertificateHash::hex).toList(),
                    s.clients().stream().map(XRoadId::toPath).toList(), s.maintenance());
        }
    }

    /** {@code POST /groups}. */
    public record NewGroup(String code, String description) {
    }

    /** {@code POST /groups/{code}/members}: a member or subsystem of any instance, in path form. */
    public record NewGroupMember(String member) {
    }

    /** A global group. */
    public record GroupView(String id, String code, String description, List<String> members) {

        static GroupView of(GlobalGroup g) {
            return new GroupView(g.id().toPath(), g.id().groupCode(), g.description(),
                    g.members().stream().map(XRoadId::toPath).toList());
        }
    }

    /** An OCSP responder, in and out; {@code certificate} is optional. */
    public record Responder(String url, String certificate) {
    }

    /** {@code POST /cas}: certificates as PEM or base64 DER. */
    public record NewCa(String name, String certificate, List<String> intermediates, List<Responder> ocspResponders,
            String certificateProfile) {
    }

    /** Summary fields shared by the certificate views. */
    public record CertificateView(String subject, String issuer, String notAfter, String sha256, String certificate) {

        static CertificateView of(X509Certificate c) {
            return new CertificateView(c.getSubjectX500Principal().getName(), c.getIssuerX500Principal().getName(),
                    c.getNotAfter().toInstant().toString(), CertificateHash.of(c).hex(), Certificates.base64(c));
        }
    }

    /** An approved CA. */
    public record CaView(String name, String certificateProfile, CertificateView topCertificate,
            List<CertificateView> intermediates, List<Responder> ocspResponders) {

        static CaView of(ApprovedCa ca) {
            return new CaView(ca.name(), ca.certificateProfile(), CertificateView.of(ca.topCertificate()),
                    ca.intermediates().stream().map(CertificateView::of).toList(),
                    ca.ocspResponders().stream().map(r -> new Responder(r.url().toString(),
                            r.certificate().map(Certificates::base64).orElse(null))).toList());
        }
    }

    /** {@code POST /tsas}: the certificate as PEM or base64 DER. */
    public record NewTsa(String name, String url, String certificate) {
    }

    /** An approved TSA. */
    public record TsaView(String name, String url, CertificateView certificate) {

        static TsaView of(ApprovedTsa tsa) {
            return new TsaView(tsa.name(), tsa.url().toString(), CertificateView.of(tsa.certificate()));
        }
    }

    /** Trust parameters in seconds; on {@code PUT}, an omitted field keeps its value. */
    public record TrustParametersView(Long ocspFreshnessSeconds, Long timestampingIntervalSeconds,
            Long configurationExpirySeconds) {

        static TrustParametersView of(TrustParameters p) {
            return new TrustParametersView(p.ocspFreshness().toSeconds(), p.timestampingInterval().toSeconds(),
                    p.configurationExpiry().toSeconds());
        }
    }

    /** {@code POST /tokens}: role {@code ADMIN} or {@code READ_ONLY}. */
    public record NewToken(String name, String role) {
    }

    /** A token without its secret; {@code token} is the secret, present only in the answer to its creation. */
    public record TokenView(String name, String role, String createdAt, boolean revoked, String token) {

        static TokenView of(ApiToken t, String secret) {
            return new TokenView(t.name(), t.role().name(), t.createdAt().toString(), t.revoked(), secret);
        }
    }

    /** {@code GET /status}. */
    public record StatusView(String instance, long registryVersion, int memberClasses, int members,
            int securityServers, int globalGroups, int approvedCas, int approvedTsas, String database,
            Map<String, Integer> listeners) {
    }
}
