// SPDX-License-Identifier: MIT
/**
 * The integrator's adapter (examples/integrator/README.md): how an information system calls services
 * through its security server's client proxy, with nothing but X-Road's REST r1 and SOAP 4.0 interfaces.
 * {@link org.zhol.examples.integrator.RestConsumer} uses the JDK's {@code HttpClient};
 * {@link org.zhol.examples.integrator.SoapConsumer} uses Jakarta SAAJ. Neither uses a Zhol class: they stand
 * for systems outside Zhol, and any X-Road client would do the same.
 */
package org.zhol.examples.integrator;
