// SPDX-License-Identifier: MIT
package org.zhol.securityserver;

import java.util.Objects;
import java.util.function.Function;
import org.zhol.protocol.cert.DefaultCertificateProfile;
import org.zhol.securityserver.config.SecurityServerConfig;
import org.zhol.securityserver.signer.PinSource;
import org.zhol.securityserver.signer.Token;
import org.zhol.server.store.Database;

/**
 * The signer's {@link InitStep}: opens the configured token once with the PIN and locks it again. For
 * the software token that first open creates {@code token.p12}, which sets the PIN. Running it again
 * (say, after an init that failed later) only checks the PIN: a different PIN is {@code PinIncorrect},
 * and nothing is overwritten. A PKCS#11 token must have been initialised with its own tools; this step
 * checks that the PIN opens it.
 */
public final class TokenInit implements InitStep {

    private final Function<SecurityServerConfig, PinSource> pin;

    /** A step that sets or checks the token PIN from {@code pin}. */
    public TokenInit(PinSource pin) {
        this(config -> pin);
        Objects.requireNonNull(pin, "pin");
    }

    /** A step whose PIN source depends on the configuration being written (its {@code pin} section). */
    public TokenInit(Function<SecurityServerConfig, PinSource> pin) {
        this.pin = Objects.requireNonNull(pin, "pin");
    }

    @Override
    public void run(SecurityServerConfig config, Database db) {
        try (Token token = Token.create(config.tokenConfig(), new DefaultCertificateProfile())) {
            token.open(pin.apply(config));
        }
    }
}
