// SPDX-License-Identifier: MIT
package org.zhol.protocol.error;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FaultCodePropertiesTest {

    @Property(tries = 2000)
    void anyTextEitherIsRefusedOrRoundTrips(@ForAll String text) {
        FaultCode.tryParse(text).ifPresent(code -> assertThat(FaultCode.parse(code.toString())).isEqualTo(code));
    }

    @Provide
    Arbitrary<FaultCode> codes() {
        return Arbitraries.of(ErrorCode.class).list().ofMinSize(1).ofMaxSize(3)
                .flatMap(segments -> Arbitraries.of(FaultPrefix.class).optional()
                        .map(prefix -> new FaultCode(prefix, segments)));
    }

    @Property
    void bothFormsRoundTrip(@ForAll("codes") FaultCode code) {
        assertThat(FaultCode.parse(code.toString())).isEqualTo(code);
        assertThat(FaultCode.parse(code.snake())).isEqualTo(code);
    }
}
