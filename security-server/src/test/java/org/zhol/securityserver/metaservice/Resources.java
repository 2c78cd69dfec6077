// SPDX-License-Identifier: MIT
package org.zhol.securityserver.metaservice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The test vectors under {@code src/test/resources/metaservice}. */
public final class Resources {

    private Resources() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Resources.class.getResourceAsStream("/metaservice/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
