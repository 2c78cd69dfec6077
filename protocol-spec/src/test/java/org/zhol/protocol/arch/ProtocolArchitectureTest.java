// SPDX-License-Identifier: MIT
package org.zhol.protocol.arch;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** protocol-spec knows no servers: no Netty, no JDBC, no logging framework, no server packages. */
class ProtocolArchitectureTest {

    @Test
    void protocolImportsNoServerTechnology() {
        ImportRules.assertNoImports(Path.of("src/main/java"), "/org/zhol/protocol/",
                "io.netty.", "java.sql.", "javax.sql.", "org.slf4j.", "ch.qos.logback.", "org.h2.",
                "org.zhol.securityserver.", "org.zhol.centralserver.", "org.zhol.examples.");
    }

    @Test
    void theRuleDetectsAViolation() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImportRules.assertNoImports(
                Path.of("src/test/java"), "/org/zhol/protocol/arch/", "org.junit."))
                .isInstanceOf(AssertionError.class).hasMessageContaining("ProtocolArchitectureTest.java");
    }
}
