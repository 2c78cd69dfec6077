// SPDX-License-Identifier: MIT
package org.zhol.securityserver.ocsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.error.ZholException;
import org.zhol.protocol.globalconf.ApprovedCa;
import org.zhol.protocol.globalconf.TrustParameters;
import org.zhol.protocol.manifest.SignatureFixture;
import org.zhol.protocol.ocsp.OcspFailure;
import org.zhol.protocol.ocsp.OcspResponse;
import org.zhol.protocol.ocsp.OcspTarget;
import org.zhol.protocol.ocsp.OcspVerifier;
import org.zhol.protocol.testpki.TestPki;

/** The cache's quick freshness rule agrees with {@link OcspVerifier}'s; refresh and retry timing. */
class CacheEntryTest {

    static final TestPki.Issuer ROOT = TestPki.rootCa("CN=Entry Test Root");
    static final X509Certificate AUTH = ROOT.issue(TestPki.Spec.auth("CN=ss"), TestPki.ecKeyPair().getPublic());
    static final Instant T = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    static final TrustParameters SHORT = new TrustParameters(Duration.ofMinutes(30), Duration.ofSeconds(60),
            Duration.ofSeconds(600));

    static OcspResponse response() {
        // thisUpdate T, nextUpdate T + 1 h
        return OcspResponse.decode(SignatureFixture.ocspResponse(ROOT, AUTH, T, CertificateStatus.GOOD));
    }

    @ParameterizedTest
    @ValueSource(longs = {-3600, -61, -60, -1, 0, 1, 1799, 1800, 1801, 3599, 3600, 3601, 7200})
    void theFreshnessRuleIsTheVerifiers(long secondsAfterThisUpdate) {
        OcspTarget target = new OcspTarget(AUTH, ROOT.certificate(),
                new ApprovedCa("ca", ROOT.certificate(), List.of(), List.of(), "default"));
        for (TrustParameters parameters : List.of(TrustParameters.DEFAULTS, SHORT)) {
            Instant at = T.plusSeconds(secondsAfterThisUpdate);
            boolean fresh = CacheEntry.fresh(response(), parameters, at);
            if (fresh) {
                assertThatCode(() -> new OcspVerifier(parameters).verify(response(), target, at))
                        .doesNotThrowAnyException();
            } else {
                assertThatThrownBy(() -> new OcspVerifier(parameters).verify(response(), target, at))
                        .isInstanceOfSatisfying(ZholException.class,
                                e -> assertThat(e.faultCode()).isEqualTo(OcspFailure.NOT_FRESH.faultCode()));
            }
        }
    }

    @Test
    void freshUntilIsTheEarlierOfFreshnessAndNextUpdate() {
        assertThat(CacheEntry.freshUntil(response(), TrustParameters.DEFAULTS)).isEqualTo(T.plusSeconds(3600));
        assertThat(CacheEntry.freshUntil(response(), SHORT)).isEqualTo(T.plusSeconds(1800));
        TrustParameters longer = new TrustParameters(Duration.ofHours(5), Duration.ofSeconds(60),
                Duration.ofSeconds(600));
        assertThat(CacheEntry.freshUntil(response(), longer)).isEqualTo(T.plusSeconds(3600)); // nextUpdate
    }

    @Test
    void aResponseIsRefreshedAfterTheIntervalOrHalfItsFreshLifeIfSooner() {
        assertThat(CacheEntry.refreshAt(response(), TrustParameters.DEFAULTS, Duration.ofMinutes(20)))
                .isEqualTo(T.plus(Duration.ofMinutes(20)));
        assertThat(CacheEntry.refreshAt(response(), SHORT, Duration.ofMinutes(20)))
                .isEqualTo(T.plus(Duration.ofMinutes(15)));
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheMaximum() {
        OcspCacheConfig config = OcspCacheConfig.defaults(java.nio.file.Path.of("data"));
        assertThat(config.directory()).isEqualTo(java.nio.file.Path.of("data", "ocsp"));
        assertThat(List.of(1, 2, 3, 5, 6, 100).stream().map(config::retryDelay)).containsExactly(
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(160),
                Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    @Test
    void aCertificateWithoutAResponseIsNotUsable() {
        CacheEntry entry = CacheEntry.first(AUTH, T);
        assertThat(entry.usable(TrustParameters.DEFAULTS, T)).isFalse();
        assertThat(entry.status(TrustParameters.DEFAULTS, T).status()).isEqualTo(OwnOcspStatus.Status.NONE);
        assertThat(entry.problem(TrustParameters.DEFAULTS, T)).hasValueSatisfying(
                p -> assertThat(p).startsWith("No OCSP response for auth certificate"));
        assertThat(entry.withResponse(response(), T).problem(TrustParameters.DEFAULTS, T.plusSeconds(60)))
                .isEqualTo(Optional.empty());
    }
}
