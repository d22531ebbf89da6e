/**
 * Dastyar: a self-hosted, multichannel customer-support chatbot with satisfaction capture. One application module
 * per feature below this package; see the README's architecture section.
 */
@org.jspecify.annotations.NullMarked
package io.dastyar;
