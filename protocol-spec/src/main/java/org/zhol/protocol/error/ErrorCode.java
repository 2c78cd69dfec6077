// SPDX-License-Identifier: MIT
package org.zhol.protocol.error;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One segment of an X-Road fault code, such as {@code AccessDenied} in
 * {@code Server.ServerProxy.AccessDenied}. The names and their X-Road 7.8 snake_case forms are those
 * of X-Road; {@code protocol-spec/docs/errors.md} says when Zhol raises each one.
 *
 * <p><b>Pitfalls:</b> the snake_case form is not always derivable from the CamelCase one
 * ({@link #INVALID_SERVICE_TYPE} is {@code service_type}), so both are spelled out.
 */
public enum ErrorCode {
    // Generic
    IO_ERROR("IOError", "io_error"),
    NETWORK_ERROR("NetworkError", "network_error"),
    INTERNAL_ERROR("InternalError", "internal_error"),
    BAD_REQUEST("BadRequest", "bad_request"),
    NOT_FOUND("NotFound", "not_found"),
    HTTP_ERROR("HttpError", "http_error"),
    DATABASE_ERROR("DatabaseError", "database_error"),
    INVALID_RESPONSE("InvalidResponse", "invalid_response"),
    INVALID_REQUEST("InvalidRequest", "invalid_request"),

    // Verification
    CANNOT_CREATE_SIGNATURE("CannotCreateSignature", "cannot_create_signature"),
    CERT_VALIDATION("CertValidation", "cert_validation"),
    INCORRECT_VALIDATION_INFO("IncorrectValidationInfo", "incorrect_validation_info"),
    CANNOT_CREATE_CERT_PATH("CannotCreateCertPath", "cannot_create_cert_path"),
    INCORRECT_CERTIFICATE("IncorrectCertificate", "incorrect_certificate"),
    INVALID_SIGNATURE_VALUE("InvalidSignatureValue", "invalid_signature_value"),
    MALFORMED_SIGNATURE("MalformedSignature", "malformed_signature"),
    INVALID_XML("InvalidXml", "invalid_xml"),
    INVALID_REFERENCE("InvalidReference", "invalid_reference"),
    INVALID_CERT_PATH("InvalidCertPath", "invalid_cert_path"),
    SIGNATURE_VERIFICATION("SignatureVerification", "signature_verification"),
    TIMESTAMP_VALIDATION("TimestampValidation", "timestamp_validation"),
    INVALID_HASH_CHAIN("InvalidHashChain", "invalid_hash_chain"),
    MALFORMED_HASH_CHAIN("MalformedHashChain", "malformed_hash_chain"),
    MISSING_VALIDATION_INFO("MissingValidationInfo", "missing_validation_info"),
    CERT_VALIDITY_TIME("CertValidityTime", "cert_validity_time"),

    // Message processing
    SSL_AUTHENTICATION_FAILED("SslAuthenticationFailed", "ssl_authentication_failed"),
    LOGGING_FAILED("LoggingFailed", "logging_failed"),
    TIMESTAMPING_FAILED("TimestampingFailed", "timestamping_failed"),
    INVALID_CONTENT_TYPE("InvalidContentType", "invalid_content_type"),
    INVALID_SOAP_ACTION("InvalidSoapAction", "invalid_soap_action"),
    INVALID_HTTP_METHOD("InvalidHttpMethod", "invalid_http_method"),
    INVALID_MESSAGE("InvalidMessage", "invalid_message"),
    INVALID_SECURITY_SERVER("InvalidSecurityServer", "invalid_security_server"),
    MIME_PARSING_FAILED("MimeParsingFailed", "mime_parsing_failed"),
    MISSING_HEADER("MissingHeader", "missing_header"),
    MISSING_HEADER_FIELD("MissingHeaderField", "missing_header_field"),
    DUPLICATE_HEADER_FIELD("DuplicateHeaderField", "duplicate_header_field"),
    MISSING_BODY("MissingBody", "missing_body"),
    INVALID_BODY("InvalidBody", "invalid_body"),
    INCONSISTENT_HEADERS("InconsistentHeaders", "inconsistent_headers"),
    INCONSISTENT_RESPONSE("InconsistentResponse", "inconsistent_response"),
    MISSING_SOAP("MissingSoap", "missing_soap"),
    INVALID_SOAP("InvalidSoap", "invalid_soap"),
    MISSING_REST("MissingRest", "missing_rest"),
    ACCESS_DENIED("AccessDenied", "access_denied"),
    SERVICE_DISABLED("ServiceDisabled", "service_disabled"),
    SERVICE_FAILED("ServiceFailed", "service_failed"),
    MISSING_SIGNATURE("MissingSignature", "missing_signature"),
    UNKNOWN_SERVICE("UnknownService", "unknown_service"),
    INVALID_PROTOCOL_VERSION("InvalidProtocolVersion", "invalid_protocol_version"),
    INVALID_CLIENT_IDENTIFIER("InvalidClientIdentifier", "invalid_client_identifier"),
    INVALID_SERVICE_TYPE("InvalidServiceType", "service_type"),
    DUPLICATE_MESSAGE_ID("DuplicateMessageId", "duplicate_message_id"),
    INVALID_SIGNING_TIME("InvalidSigningTime", "invalid_signing_time"),

    // Configuration
    UNKNOWN_MEMBER("UnknownMember", "unknown_member"),
    MALFORMED_SERVER_CONF("MalformedServerConf", "malformed_server_conf"),
    MALFORMED_GLOBAL_CONF("MalformedGlobalConf", "malformed_global_conf"),
    OUTDATED_GLOBAL_CONF("OutdatedGlobalConf", "outdated_global_conf"),
    SERVICE_MISSING_URL("ServiceMissingUrl", "service_missing_url"),
    SERVICE_MALFORMED_URL("ServiceMalformedUrl", "service_malformed_url"),
    MAINTENANCE_MODE("MaintenanceMode", "maintenance_mode"),

    // Keys and tokens
    KEY_NOT_FOUND("KeyNotFound", "key_not_found"),
    CERT_NOT_FOUND("CertNotFound", "cert_not_found"),
    TOKEN_NOT_FOUND("TokenNotFound", "token_not_found"),
    TOKEN_NOT_ACTIVE("TokenNotActive", "token_not_active"),
    CANNOT_SIGN("CannotSign", "cannot_sign"),
    WRONG_CERT_USAGE("WrongCertUsage", "wrong_cert_usage"),
    CANNOT_GET_MEMBER_ID_FROM_CERTIFICATE("CannotGetMemberIdFromCertificate",
            "cannot_get_member_id_from_certificate"),
    LOGIN_FAILED("LoginFailed", "login_failed"),
    PIN_INCORRECT("PinIncorrect", "pin_incorrect"),

    // Message log
    TIMESTAMPER_FAILED("TimestamperFailed", "timestamper_failed"),
    LOG_INCONSISTENT("LogInconsistent", "log_inconsistent"),
    MALFORMED_EVIDENCE("MalformedEvidence", "malformed_evidence");

    private static final Map<String, ErrorCode> BY_NAME = index();

    private final String camel;
    private final String snake;

    ErrorCode(String camel, String snake) {
        this.camel = camel;
        this.snake = snake;
    }

    /** The CamelCase form that Zhol emits, e.g. {@code OutdatedGlobalConf}. */
    public String camel() {
        return camel;
    }

    /** The X-Road 7.8 form, e.g. {@code outdated_global_conf}. */
    public String snake() {
        return snake;
    }

    /**
     * Looks a segment up by either form. Matching is exact for CamelCase and case-insensitive for
     * snake_case, as X-Road 7.8 compares lower-cased codes.
     */
    public static Optional<ErrorCode> byName(String segment) {
        ErrorCode exact = BY_NAME.get(segment);
        if (exact != null) {
            return Optional.of(exact);
        }
        ErrorCode lower = BY_NAME.get(segment.toLowerCase(Locale.ROOT));
        return lower != null && lower.snake.equals(segment.toLowerCase(Locale.ROOT))
                ? Optional.of(lower) : Optional.empty();
    }

    private static Map<String, ErrorCode> index() {
        Map<String, ErrorCode> byName = new HashMap<>();
        for (ErrorCode code : values()) {
            byName.put(code.camel, code);
            byName.put(code.snake, code);
        }
        return Map.copyOf(byName);
    }
}
