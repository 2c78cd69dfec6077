// SPDX-License-Identifier: MIT
/**
 * The demo provider information system of the sandbox: a population register with a few hundred
 * generated persons, offered as a REST service ({@code persons}) with an OpenAPI document and as a SOAP
 * service ({@code getPerson}) with a WSDL. It knows nothing of Zhol: it is what an agency's own system
 * behind its security server looks like.
 */
package org.zhol.examples.demo;
