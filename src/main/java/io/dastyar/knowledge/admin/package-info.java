/**
 * The admin pages of the knowledge base: the article list and editor, deletion, trying a question, and the questions the bot could not answer.
 */
@org.jspecify.annotations.NullMarked
package io.dastyar.knowledge.admin;
