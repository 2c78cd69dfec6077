// SPDX-License-Identifier: MIT
package org.zhol.protocol.globalconf;

import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.id.SecurityServerId;
import org.zhol.protocol.testpki.TestPki;

/** A small but complete configuration of instance {@code DEV}, and signing keys, built at test time. */
final class GlobalConfFixture {

    static final String INSTANCE = "DEV";
    /** Inside the validity of {@link #signingKey}. */
    static final Instant GENERATED_AT = Instant.parse("2026-11-01T00:00:00Z");
    static final URI SOURCE = URI.create("http://127.0.0.1:8070/");

    private GlobalConfFixture() {
    }

    static GlobalConfiguration configuration(String instance) {
        TestPki.Issuer ca = TestPki.rootCa("CN=Dev CA, O=Zhol dev");
        KeyPair ocspKeys = TestPki.ecKeyPair();
        X509Certificate ocsp = ca.issue(TestPki.Spec.ocspResponder("CN=Dev OCSP"), ocspKeys.getPublic());
        TestPki.Issuer tsaRoot = TestPki.rootCa("CN=Dev TSA Root");
        X509Certificate tsa = tsaRoot.issue(TestPki.Spec.tsa("CN=Dev TSA"), TestPki.ecKeyPair().getPublic());
        X509Certificate auth = ca.issue(TestPki.Spec.auth("CN=ss1"), TestPki.ecKeyPair().getPublic());
        MemberId tax = new MemberId(instance, "GOV", "70000310");
        MemberId shop = new MemberId(instance, "COM", "12345678");
        return new GlobalConfiguration(instance,
                List.of(new MemberClass("GOV", "Government"), new MemberClass("COM", "Companies")),
                List.of(new Member(tax, "Tax Board", List.of(tax.subsystem("TAXES"), tax.subsystem("REGISTRY"))),
                        new Member(shop, "Shop Ltd", List.of(shop.subsystem("WEBSHOP")))),
                List.of(new SecurityServer(new SecurityServerId(tax, "SS1"), "ss1.dev.example.org",
                                List.of(CertificateHash.of(auth)), List.of(tax, tax.subsystem("TAXES")), false),
                        new SecurityServer(new SecurityServerId(shop, "SS2"), "ss2.dev.example.org", List.of(),
                                List.of(shop.subsystem("WEBSHOP")), true)),
                List.of(new GlobalGroup(new GlobalGroupId(instance, "security-server-owners"), "Owners",
                        List.of(tax, shop))),
                List.of(new ApprovedCa("Dev CA", ca.certificate(), List.of(),
                        List.of(new OcspResponder(URI.create("http://127.0.0.1:8888/ocsp"), Optional.of(ocsp))),
                        "org.zhol.profile.Dev")),
                List.of(new ApprovedTsa("Dev TSA", URI.create("http://127.0.0.1:8899/"), tsa)),
                TrustParameters.DEFAULTS);
    }

    /** A configuration signing key whose certificate is valid through 2046. */
    static ConfigurationSigningKey signingKey(String name) {
        TestPki.Issuer root = TestPki.rootCa("CN=" + name + " Root");
        KeyPair keys = TestPki.ecKeyPair();
        X509Certificate cert = root.issue(TestPki.Spec.sign("CN=" + name).withValidity(
                Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(20 * 365)), keys.getPublic());
        return new ConfigurationSigningKey(keys.getPrivate(), cert);
    }

    static ConfigurationAnchor anchor(String instance, X509Certificate... signers) {
        return new ConfigurationAnchor(instance, List.of(SOURCE), List.of(signers));
    }
}
