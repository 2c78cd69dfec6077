// SPDX-License-Identifier: MIT
package org.zhol.server.arch;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.zhol.protocol.arch.ImportRules;

/** server-support serves both servers and depends on neither. */
class SupportArchitectureTest {

    @Test
    void dependsOnNoServer() {
        ImportRules.assertNoImports(Path.of("src/main/java"), "/org/zhol/",
                "org.zhol.securityserver.", "org.zhol.centralserver.", "org.zhol.examples.");
    }

}
