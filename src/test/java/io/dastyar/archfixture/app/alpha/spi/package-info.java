@org.springframework.modulith.NamedInterface("spi")
package io.dastyar.archfixture.app.alpha.spi;
