// SPDX-License-Identifier: MIT
package org.zhol.centralserver.testing;

import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.ApprovedTsa;
import org.zhol.protocol.globalconf.CertificateHash;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.OcspResponder;
import org.zhol.protocol.globalconf.SecurityServer;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.testpki.TestPki;

/** Small global configurations built from the globalconf records, with certificates from {@link TestPki}. */
public final class TestConfigurations {

    /** Configuration valid for 600 s, as by default. */
    public static final Duration EXPIRY = TrustParameters.DEFAULTS.configurationExpiry();

    private final TestPki.Issuer ca = TestPki.rootCa("CN=Test CA, O=Zhol test");
    private final X509Certificate auth = ca.issue(TestPki.Spec.auth("CN=ss1"), TestPki.ecKeyPair().getPublic());
    private final X509Certificate tsa = TestPki.rootCa("CN=Test TSA Root")
            .issue(TestPki.Spec.tsa("CN=Test TSA"), TestPki.ecKeyPair().getPublic());

    /** A configuration of {@code instance} with one member named {@code memberName} and its server. */
    public GlobalConfiguration configuration(String instance, String memberName) {
        MemberId member = new MemberId(instance, "GOV", "70000310");
        return new GlobalConfiguration(instance, List.of(new MemberClass("GOV", "Government")),
                List.of(new Member(member, memberName, List.of(member.subsystem("TAXES")))),
                List.of(new SecurityServer(new SecurityServerId(member, "SS1"), "ss1.example.org",
                        List.of(CertificateHash.of(auth)), List.of(member.subsystem("TAXES")), false)),
                List.of(),
                List.of(new ApprovedCa("Test CA", ca.certificate(), List.of(),
                        List.of(new OcspResponder(URI.create("http://127.0.0.1:8888/ocsp"), Optional.empty())),
                        "org.zhol.profile.Dev")),
                List.of(new ApprovedTsa("Test TSA", URI.create("http://127.0.0.1:8899/"), tsa)),
                TrustParameters.DEFAULTS);
    }
}
