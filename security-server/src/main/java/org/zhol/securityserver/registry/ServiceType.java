// SPDX-License-Identifier: MIT
package org.zhol.securityserver.registry;

/** The message protocol of a local service. */
public enum ServiceType {
    /** X-Road REST (PR-REST): the URL is the base URL that the service path is appended to. */
    REST,
    /** X-Road SOAP (PR-MESS): the URL is the endpoint that receives the SOAP request. */
    SOAP
}
