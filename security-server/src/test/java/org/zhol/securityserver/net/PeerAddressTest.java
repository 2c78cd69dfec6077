// SPDX-License-Identifier: MIT
package org.zhol.securityserver.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhol.protocol.error.ErrorCode;
import org.zhol.protocol.error.ZholException;

/** Server addresses from the global configuration: {@code host[:port]}. */
class PeerAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ss1.example.org|ss1.example.org|5500",
        "ss1.example.org:5577|ss1.example.org|5577",
        "127.0.0.1|127.0.0.1|5500",
        "10.0.0.1:443|10.0.0.1|443",
        "[::1]|::1|5500",
        "[2001:db8::1]:5501|2001:db8::1|5501",
        "2001:db8::1|2001:db8::1|5500",
        " ss1 |ss1|5500"})
    void parses(String address, String host, int port) {
        assertEquals(new PeerAddress(host, port), PeerAddress.parse(address, 5500));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ss1:", "ss1:http", "ss1:70000", "ss1:0", ":5500", "[::1", "[::1]x", "[::1]:"})
    void refusesMalformed(String address) {
        ZholException e = assertThrows(ZholException.class, () -> PeerAddress.parse(address, 5500));
        assertEquals(ErrorCode.NETWORK_ERROR, e.code());
    }

    @Test
    void printsIpv6InBrackets() {
        assertEquals("[::1]:5500", new PeerAddress("::1", 5500).toString());
    }
}
