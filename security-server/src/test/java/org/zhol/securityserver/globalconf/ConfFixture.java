// SPDX-License-Identifier: MIT
package org.zhol.securityserver.globalconf;

import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.zhol.protocol.globalconf.ConfigurationAnchor;
import org.zhol.protocol.globalconf.ConfigurationAnchorCodec;
import org.zhol.protocol.globalconf.ConfigurationSigningKey;
import org.zhol.protocol.globalconf.GlobalConfFiles;
import org.zhol.protocol.globalconf.GlobalConfWriter;
import org.zhol.protocol.globalconf.GlobalConfiguration;
import org.zhol.protocol.globalconf.Member;
import org.zhol.protocol.globalconf.MemberClass;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.id.MemberId;
import org.zhol.protocol.testpki.TestPki;

/** A small configuration of instance {@code DEV} and configuration signing keys, made at test time. */
final class ConfFixture {

    static final String INSTANCE = "DEV";
    /** Inside the validity of {@link #signingKey}; generations are generated from here on. */
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    /** The default configuration expiry. */
    static final Duration EXPIRY = TrustParameters.DEFAULTS.configurationExpiry();
    static final GlobalConfiguration CONF = configuration();

    private ConfFixture() {
    }

    private static GlobalConfiguration configuration() {
        MemberId tax = new MemberId(INSTANCE, "GOV", "70000310");
        return new GlobalConfiguration(INSTANCE, List.of(new MemberClass("GOV", "Government")),
                List.of(new Member(tax, "Tax Board", List.of(tax.subsystem("TAXES")))), List.of(), List.of(),
                List.of(), List.of(), TrustParameters.DEFAULTS);
    }

    /** A configuration signing key whose certificate is valid from 2026 for 20 years. */
    static ConfigurationSigningKey signingKey(String name) {
        TestPki.Issuer root = TestPki.rootCa("CN=" + name + " Root");
        KeyPair keys = TestPki.ecKeyPair();
        X509Certificate cert = root.issue(TestPki.Spec.sign("CN=" + name).withValidity(
                Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(20 * 365)), keys.getPublic());
        return new ConfigurationSigningKey(keys.getPrivate(), cert);
    }

    static ConfigurationAnchor anchor(String instance, URI url, X509Certificate... signers) {
        return new ConfigurationAnchor(instance, List.of(url), List.of(signers));
    }

    static byte[] anchorBytes(URI url, X509Certificate... signers) {
        return ConfigurationAnchorCodec.encode(anchor(INSTANCE, url, signers));
    }

    /** Generation {@code generation} of {@link #CONF}, signed by {@code key}, without an anchor part. */
    static GlobalConfFiles generation(ConfigurationSigningKey key, long generation, Instant generatedAt) {
        return new GlobalConfWriter(key).write(CONF, generation, generatedAt);
    }

    /** As {@link #generation}, with an anchor part listing {@code published}. */
    static GlobalConfFiles generation(ConfigurationSigningKey key, long generation, Instant generatedAt, URI url,
            ConfigurationSigningKey... published) {
        X509Certificate[] certs = new X509Certificate[published.length];
        for (int i = 0; i < published.length; i++) {
            certs[i] = published[i].certificate();
        }
        return new GlobalConfWriter(key).write(CONF, generation, generatedAt, anchor(INSTANCE, url, certs));
    }

    static byte[] flipped(byte[] bytes, int index) {
        byte[] copy = bytes.clone();
        copy[index] ^= 0x01;
        return copy;
    }
}
