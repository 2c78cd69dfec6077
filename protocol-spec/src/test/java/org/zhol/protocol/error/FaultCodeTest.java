// SPDX-License-Identifier: MIT
package org.zhol.protocol.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class FaultCodeTest {

    @ParameterizedTest
    @CsvSource({
        "Server.ClientProxy.OutdatedGlobalConf, Server.ClientProxy.OutdatedGlobalConf",
        "server.clientproxy.outdated_global_conf, Server.ClientProxy.OutdatedGlobalConf",
        "Server.ServerProxy.AccessDenied, Server.ServerProxy.AccessDenied",
        "server.serverproxy.access_denied, Server.ServerProxy.AccessDenied",
        "Server.ClientProxy.ServiceFailed.HttpError, Server.ClientProxy.ServiceFailed.HttpError",
        "Server.ClientProxy.LoggingFailed.TimestamperFailed, Server.ClientProxy.LoggingFailed.TimestamperFailed",
        "server.clientproxy.logging_failed.timestamper_failed, Server.ClientProxy.LoggingFailed.TimestamperFailed",
        "Client.InvalidClientIdentifier, Client.InvalidClientIdentifier",
        "client.service_type, Client.InvalidServiceType",
        "Signer.PinIncorrect, Signer.PinIncorrect",
        "AccessDenied, AccessDenied",
    })
    void parsesBothFormsAndEmitsCamelCase(String input, String camel) {
        FaultCode code = FaultCode.parse(input);
        assertThat(code).hasToString(camel);
        assertThat(FaultCode.parse(code.snake())).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"Server.ClientProxy", "Server.ClientProxy.NoSuchThing", "Client..AccessDenied", "''",
        "Server.ClientProxy.AccessDenied.", "Server.Accessdenied"})
    void rejectsUnknownCodes(String input) {
        assertThat(FaultCode.tryParse(input)).isEmpty();
        assertThatThrownBy(() -> FaultCode.parse(input))
                .isInstanceOfSatisfying(ZholException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_MESSAGE));
    }

    @Test
    void everyNameIsUnique() {
        Set<String> names = new HashSet<>();
        for (ErrorCode code : ErrorCode.values()) {
            assertThat(names.add(code.camel())).as(code.camel()).isTrue();
            assertThat(names.add(code.snake())).as(code.snake()).isTrue();
            assertThat(code.snake()).matches("[a-z_]+");
            assertThat(code.camel()).matches("[A-Z][A-Za-z]+");
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeIsInTheSpec(ErrorCode code) throws Exception {
        String errorsMd = java.nio.file.Files.readString(java.nio.file.Path.of("docs/errors.md"));
        assertThat(errorsMd).as("docs/errors.md lists %s", code.camel()).contains("`" + code.camel() + "`");
    }

    @Test
    void prefixIsAddedOnceAndKept() {
        ZholException raw = ZholException.client(ErrorCode.ACCESS_DENIED, "no");
        ZholException atServer = raw.withPrefix(FaultPrefix.SERVER_SERVER_PROXY);
        assertThat(atServer.faultCode()).hasToString("Server.ServerProxy.AccessDenied");
        assertThat(atServer.withPrefix(FaultPrefix.SERVER_CLIENT_PROXY)).isSameAs(atServer);
        assertThat(raw.faultCode()).hasToString("AccessDenied");
        assertThat(atServer.origin()).isEqualTo(Origin.CLIENT);
        assertThat(atServer.detail()).isEqualTo("no");
    }

    @Test
    void segmentsAppend() {
        FaultCode code = FaultCode.of(ErrorCode.SERVICE_FAILED).append(ErrorCode.HTTP_ERROR)
                .withPrefix(FaultPrefix.SERVER_SERVER_PROXY);
        assertThat(code).hasToString("Server.ServerProxy.ServiceFailed.HttpError");
        assertThat(code.snake()).isEqualTo("server.serverproxy.service_failed.http_error");
        assertThat(code.code()).isEqualTo(ErrorCode.SERVICE_FAILED);
    }

    @Test
    void excerptsAreShortAndPrintable() {
        String nasty = "a\r\nb" + "x".repeat(200);
        String excerpt = Faults.excerpt(nasty);
        assertThat(excerpt).doesNotContain("\r", "\n").hasSize(Faults.EXCERPT_LENGTH + 3);
    }
}
