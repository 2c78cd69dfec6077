// SPDX-License-Identifier: MIT
package org.zhol.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiTokensTest {

    @Test
    void secretsAreHashedAndNeverPrinted() {
        IssuedToken issued = new IssuedToken(new ApiToken(1, "a", ApiRole.ADMIN, java.time.Instant.EPOCH, false),
                "zhol_abc");
        assertThat(issued.toString()).doesNotContain("zhol_abc");
        assertThat(ApiTokens.hash("zhol_abc")).hasSize(64).isNotEqualTo(ApiTokens.hash("zhol_abd"));
    }

    @Test
    void authorizationHeaderForms() {
        assertThat(TokenAuthenticator.secret("Bearer zhol_x")).contains("zhol_x");
        assertThat(TokenAuthenticator.secret("bearer  zhol_x ")).contains("zhol_x");
        assertThat(TokenAuthenticator.secret("X-Road-ApiKey token=zhol_y")).contains("zhol_y");
        assertThat(TokenAuthenticator.secret("Basic dXNlcjpwYXNz")).isEmpty();
    }

    @Test
    void readOnlyMayOnlyRead() {
        assertThat(ApiRole.READ_ONLY.permits("GET")).isTrue();
        assertThat(ApiRole.READ_ONLY.permits("POST")).isFalse();
        assertThat(ApiRole.READ_ONLY.permits("DELETE")).isFalse();
        assertThat(ApiRole.ADMIN.permits("DELETE")).isTrue();
    }
}
