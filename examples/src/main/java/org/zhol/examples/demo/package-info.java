// SPDX-License-Identifier: MIT
/**
 * The demo provider information system of the sandbox: a population register with a few hundred
 * generated persons, offered as a REST service ({@code persons}) with an OpenAPI document and as a SOAP
 * service ({@code getPerson}) with a WSDL. It knows nothing of Zhol: it is what an agency's own system
 * behind its security server looks like. {@link org.zhol.examples.demo.DemoConsumer} is the other side, the
 * Tax Board's system calling those services through its security server (the sandbox's {@code --load}).
 */
package org.zhol.examples.demo;
